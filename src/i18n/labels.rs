//! Names of things: tables, roles, record kinds, check faults.

use super::Lang;
use crate::domain::Role;
use crate::store::check::Fault;

/// A table's name as users read it.
pub fn table_label(table: &str, lang: Lang) -> &str {
    let (ja, en) = match table {
        "org_units" => ("組織", "organisation units"),
        "titles" => ("職名", "titles"),
        "bands" => ("職層", "bands"),
        "employees" => ("職員", "employees"),
        "accounts" => ("アカウント", "accounts"),
        "skill_images" => ("目指すべき職員像", "staff images"),
        "skill_categories" => ("スキルカテゴリ", "skill categories"),
        "skills" => ("スキル", "skills"),
        "mindsets" => ("マインドセット", "mindsets"),
        "approaches" => ("アプローチ", "approaches"),
        "initiatives" => ("取組", "initiatives"),
        "kpi_series" => ("KPI系列", "KPI series"),
        "digital_tiers" => ("デジタル人材区分", "digital tiers"),
        "digital_domains" => ("デジタルスキル領域", "digital skill domains"),
        "course_classes" => ("研修区分", "course classes"),
        "skill_sheets" => ("スキルレベル (職員ごと)", "skill levels (per employee)"),
        "settings" => ("設定", "settings"),
        "training_courses" => ("研修 (カタログ)", "training courses"),
        "training_sessions" => ("研修の回", "training sessions"),
        "enrollments" => ("受講申込", "enrollments"),
        "level_proposals" => ("レベルの提案 (研修修了)", "level proposals"),
        "subsidy_applications" => ("自主研修支援の申請", "subsidy applications"),
        "roadmap_progress" => ("ロードマップの進捗", "roadmap progress"),
        "roadmap_reports" => ("ロードマップの進捗報告", "roadmap progress reports"),
        "idx_person" => ("職員別索引", "person index"),
        "assignments" => ("配置履歴", "assignments"),
        "idx_unit_history" => ("配置索引", "assignment index"),
        "holder_keys" => ("相談記録の鍵 (担当者ごと)", "holders' key pairs"),
        "case_domains" => ("相談記録の分野", "case domains"),
        "domain_wraps" => ("分野の鍵 (担当者ごと)", "domain keys per holder"),
        "sealed_cases" => ("相談記録 (暗号化)", "sealed cases"),
        "case_wraps" => ("ケースの鍵 (担当者ごと)", "case keys per holder"),
        "unlock_failures" => ("解錠の失敗", "failed unlocks"),
        "survey_years" => ("エンゲージメント調査 (年度)", "survey years"),
        "survey_groups" => ("エンゲージメント調査 (集団の結果)", "survey group results"),
        "kpi_values" => ("KPIの入力値", "KPI figures entered"),
        "audit" => ("監査ログ", "audit log"),
        "meta" => ("管理情報", "metadata"),
        other => (other, other),
    };
    lang.pick(ja, en)
}

/// A role's name.
pub fn role_label(role: Role, lang: Lang) -> &'static str {
    let (ja, en) = match role {
        Role::Admin => ("管理者", "admin"),
        Role::Hr => ("人事", "HR"),
        Role::Health => ("健康管理", "health"),
        Role::Counselor => ("相談員", "counsellor"),
        Role::Auditor => ("監査", "auditor"),
        Role::Viewer => ("閲覧", "viewer"),
    };
    lang.pick(ja, en)
}

/// The kind of thing a "not found" is about.
pub fn kind_label(kind: &str, lang: Lang) -> &str {
    let (ja, en) = match kind {
        "employee" => ("職員", "employee"),
        "account" => ("アカウント", "account"),
        "initiative" => ("取組", "initiative"),
        "unit" => ("組織", "organisation unit"),
        other => (other, other),
    };
    lang.pick(ja, en)
}

/// What a check found, in words.
pub fn fault(f: &Fault, lang: Lang) -> String {
    match (f, lang) {
        (Fault::Decode(d), Lang::Ja) => format!("読み取れません ({d})"),
        (Fault::Decode(d), Lang::En) => format!("does not decode ({d})"),
        (Fault::KeyMismatch(k), Lang::Ja) => format!("キーと中身が一致しません (中身は {k})"),
        (Fault::KeyMismatch(k), Lang::En) => {
            format!("stored under the wrong key (record says {k})")
        }
        (Fault::IndexMissing(i), Lang::Ja) => format!("索引にありません ({i})"),
        (Fault::IndexMissing(i), Lang::En) => format!("missing from the index ({i})"),
        (Fault::IndexStray, Lang::Ja) => "対応する記録のない索引です".to_string(),
        (Fault::IndexStray, Lang::En) => "index entry with no record".to_string(),
        (Fault::Dangling(t, k), Lang::Ja) => {
            format!(
                "{} {k} を参照していますが、存在しません",
                table_label(t, lang)
            )
        }
        (Fault::Dangling(t, k), Lang::En) => {
            format!(
                "refers to {} {k}, which does not exist",
                table_label(t, lang)
            )
        }
        (Fault::Invalid(d), Lang::Ja) => format!("内容が規則に合いません ({d})"),
        (Fault::Invalid(d), Lang::En) => format!("breaks a rule ({d})"),
        (Fault::Chain(d), Lang::Ja) => format!("監査ログの連鎖が切れています ({d})"),
        (Fault::Chain(d), Lang::En) => format!("audit chain broken ({d})"),
    }
}

/// Field names of the `show` and `stats` output.
pub fn field(name: &str, lang: Lang) -> &str {
    let (ja, en) = match name {
        "staff_no" => ("職員番号", "Staff no."),
        "name" => ("氏名", "Name"),
        "reading" => ("フリガナ", "Reading"),
        "romaji" => ("ローマ字", "Romaji"),
        "former_name" => ("旧姓", "Former name"),
        "alias" => ("通称", "Known as"),
        "birth" => ("生年月日", "Born"),
        "age" => ("年齢", "Age"),
        "senior" => ("高齢期職員", "Senior (60+)"),
        "unit" => ("所属", "Unit"),
        "title" => ("職名", "Title"),
        "band" => ("職層", "Band"),
        "employment" => ("任用形態", "Employment"),
        "hired" => ("採用日", "Hired"),
        "service" => ("勤続", "Service"),
        "in_post" => ("現所属", "In post"),
        "years" => ("年", " years"),
        "track" => ("キャリア", "Career track"),
        "digital" => ("デジタル人材", "Digital tier"),
        "status" => ("在職状況", "Status"),
        "leaving" => ("退職", "Left"),
        "comeback" => ("カムバック採用", "Comeback hire"),
        "history" => ("配置履歴", "Posts"),
        "approach" => ("アプローチ", "Approach"),
        "section" => ("項目", "Section"),
        "actions" => ("取組内容", "Actions"),
        "plan" => ("年度別計画", "Plan by year"),
        "description" => ("現状と課題", "Background"),
        "database" => ("データベース", "Database"),
        "account" => ("アカウント", "Account"),
        "roles" => ("ロール", "Roles"),
        "fiscal_year" => ("年度", "Fiscal year"),
        "employee" => ("職員番号", "Employee"),
        "none" => ("なし", "none"),
        "yes" => ("あり", "yes"),
        "foundation" => ("（基盤スキル）", "(foundation)"),
        "staff_active" => ("在職", "active"),
        "staff_on_leave" => ("休職", "on leave"),
        "staff_left" => ("退職", "left"),
        "demo" => ("デモ", "DEMO"),
        "demo_badge" => ("DEMO", "DEMO"),
        other => (other, other),
    };
    lang.pick(ja, en)
}
