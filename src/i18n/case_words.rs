//! Headings and fixed words of the case logs, and the longer texts of `kizuna keys` and
//! `kizuna cases`.

use super::{Lang, Term};
use crate::domain::cases::CaseDomain;
use crate::service::cases::{DomainStatus, GrantReport, RevokeReport};

/// A heading or fixed word of the case screens and of `kizuna cases`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseWord {
    Id,
    Kind,
    Subject,
    StaffNo,
    Name,
    Opened,
    Closed,
    Open,
    Next,
    Leaves,
    Plan,
    Entries,
    Assigned,
    FollowUps,
    Deny,
    Channel,
    Stage,
    Received,
    Complainant,
    Respondents,
    Counsellors,
    FactSummary,
    Measures,
    Outcome,
    Anonymous,
    Incident,
    Recording,
    LinkedCase,
    Upcoming,
    LeaveEnd,
    FollowUp,
    History,
    Date,
    What,
    Passphrase,
    NewPassphrase,
    Again,
    RecoveryKey,
}

/// The word in the user's language.
pub fn case_word(w: CaseWord, lang: Lang) -> &'static str {
    use CaseWord as W;
    let (ja, en) = match w {
        W::Id => ("ケースID", "case"),
        W::Kind => ("種別", "kind"),
        W::Subject => ("対象職員", "subject"),
        W::StaffNo => ("職員番号", "staff no"),
        W::Name => ("氏名", "name"),
        W::Opened => ("開始日", "opened"),
        W::Closed => ("終了日", "closed"),
        W::Open => ("対応中", "open"),
        W::Next => ("次の予定", "next"),
        W::Leaves => ("休職期間", "leaves"),
        W::Plan => ("職場復帰支援プラン", "return-to-work plan"),
        W::Entries => ("記録", "entries"),
        W::Assigned => ("担当", "assigned"),
        W::FollowUps => ("フォローアップ", "follow-ups"),
        W::Deny => ("閲覧除外", "denied"),
        W::Channel => ("受付方法", "channel"),
        W::Stage => ("段階", "stage"),
        W::Received => ("受付日", "received"),
        W::Complainant => ("相談者", "complainant"),
        W::Respondents => ("行為者", "respondents"),
        W::Counsellors => ("相談員", "counsellors"),
        W::FactSummary => ("事実確認の結果", "fact-finding summary"),
        W::Measures => ("措置の内容", "measures"),
        W::Outcome => ("対応結果", "outcome"),
        W::Anonymous => ("匿名", "anonymous"),
        W::Incident => ("カスハラ事案", "incident"),
        W::Recording => ("記録媒体", "recording"),
        W::LinkedCase => ("関連ケース", "linked case"),
        W::Upcoming => ("今後の予定", "upcoming"),
        W::LeaveEnd => ("休職期間の終了予定", "end of leave"),
        W::FollowUp => ("フォローアップ", "follow-up"),
        W::History => ("経過", "history"),
        W::Date => ("日付", "date"),
        W::What => ("内容", "what"),
        W::Passphrase => ("パスフレーズ: ", "Passphrase: "),
        W::NewPassphrase => ("新しいパスフレーズ: ", "New passphrase: "),
        W::Again => ("もう一度: ", "Again: "),
        W::RecoveryKey => ("回復キー: ", "Recovery key: "),
    };
    lang.pick(ja, en)
}

/// The lines `cases status` prints, with the warning of a domain held by fewer than two.
pub fn domain_status(s: &DomainStatus, lang: Lang) -> Vec<String> {
    let name = s.domain.term(lang);
    let mut out = vec![match (s.ready, lang) {
        (true, Lang::Ja) => format!("{name}\t準備済み\t担当 {} 人", s.holders),
        (true, Lang::En) => format!("{}\tready\t{} holders", s.domain.code(), s.holders),
        (false, Lang::Ja) => format!("{name}\t未準備"),
        (false, Lang::En) => format!("{}\tnot set up", s.domain.code()),
    }];
    if let Some(w) = holder_warning(s, lang) {
        out.push(w);
    }
    out
}

/// The standing warning while a set-up domain has fewer than two holders.
pub fn holder_warning(s: &DomainStatus, lang: Lang) -> Option<String> {
    if !s.ready || s.holders >= 2 {
        return None;
    }
    Some(match lang {
        Lang::Ja => format!(
            "注意：{}のケースの担当が{}人です。担当が鍵を失うと回復キーでしか開けません。2人以上に `kizuna cases grant` してください",
            s.domain.term(lang),
            s.holders
        ),
        Lang::En => format!(
            "warning: {} cases have {} holder(s); if their keys are lost only the recovery key opens them. Grant a second holder (`kizuna cases grant`)",
            s.domain.code(),
            s.holders
        ),
    })
}

/// What `cases init` prints around the recovery key, shown this once.
pub fn recovery_shown(domain: CaseDomain, key: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{}のケースを準備しました。あなたが最初の担当です。\n\n回復キー (この一度だけ表示します。印刷して金庫に保管してください):\n\n  {}\n\n担当全員が鍵を失ったとき `kizuna cases recover --domain {}` でこのキーを入力します。空白と大文字・小文字は問いません。",
            domain.term(lang),
            key,
            domain.code()
        ),
        Lang::En => format!(
            "{} cases are set up; you are their first holder.\n\nRecovery key (shown this once: print it and keep it in the safe):\n\n  {}\n\nWhen every holder has lost their keys, type it into `kizuna cases recover --domain {}`. Spaces and case do not matter.",
            domain.code(),
            key,
            domain.code()
        ),
    }
}

/// A case was recorded or changed.
pub fn case_saved(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("記録しました: {id}"),
        Lang::En => format!("recorded: {id}"),
    }
}

pub fn keys_made(public: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "鍵を作りました。公開鍵: {public}\nパスフレーズを忘れると、担当のケースは他の担当か回復キーでしか開けません。"
        ),
        Lang::En => format!(
            "your keys are made. Public key: {public}\nIf you forget the passphrase, your cases open only for other holders or with the recovery key."
        ),
    }
}

pub fn passphrase_changed(lang: Lang) -> &'static str {
    lang.pick("パスフレーズを変更しました", "passphrase changed")
}

pub fn passphrases_differ(lang: Lang) -> &'static str {
    lang.pick(
        "2回の入力が一致しません。何も変更していません",
        "the two entries differ; nothing was changed",
    )
}

pub fn no_secret(lang: Lang) -> &'static str {
    lang.pick(
        "パスフレーズが入力されませんでした",
        "no passphrase was given",
    )
}

pub fn no_terminal(lang: Lang) -> &'static str {
    lang.pick(
        "端末からパスフレーズを読めません (スクリプトでは --passphrase-stdin)",
        "cannot read the passphrase from a terminal (scripts: --passphrase-stdin)",
    )
}

pub fn which_domain(lang: Lang) -> &'static str {
    lang.pick(
        "両方の分野を担当しています。--domain health か --domain harassment を指定してください",
        "you hold both domains: give --domain health or --domain harassment",
    )
}

pub fn granted(account: &str, domain: CaseDomain, r: &GrantReport, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{account} を{}のケースの担当にしました (共有したケース {} 件)",
            domain.term(lang),
            r.shared
        ),
        Lang::En => format!(
            "{account} now holds {} cases ({} cases shared)",
            domain.code(),
            r.shared
        ),
    }
}

pub fn revoked(account: &str, domain: CaseDomain, r: &RevokeReport, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{account} を{}のケースの担当から外し、{} 件を新しい鍵で封じ直しました",
            domain.term(lang),
            r.rekeyed
        ),
        Lang::En => format!(
            "{account} no longer holds {} cases; {} cases sealed again under new keys",
            domain.code(),
            r.rekeyed
        ),
    }
}

pub fn recovered(domain: CaseDomain, r: &GrantReport, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "回復キーで{}のケースの担当になりました (開けるケース {} 件)",
            domain.term(lang),
            r.shared
        ),
        Lang::En => format!(
            "with the recovery key you now hold {} cases ({} cases)",
            domain.code(),
            r.shared
        ),
    }
}
