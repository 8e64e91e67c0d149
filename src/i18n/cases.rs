//! Messages of the restricted case logs and of the keys that seal them.

use super::{Lang, Term};
use crate::domain::cases::CaseError;
use crate::domain::era::both_calendars;
use crate::service::cases::CaseFault;

/// Why a case or key operation was refused, in the user's language.
pub fn case_fault(f: &CaseFault, lang: Lang) -> String {
    use CaseFault as F;
    match (f, lang) {
        (F::NoKeys, Lang::Ja) => {
            "鍵がまだありません。`kizuna keys init` で自分の鍵とパスフレーズを作ってください".into()
        }
        (F::NoKeys, Lang::En) => "you have no keys yet: run `kizuna keys init` first".into(),
        (F::KeysExist, Lang::Ja) => {
            "鍵は作成済みです。パスフレーズの変更は `kizuna keys passwd` です".into()
        }
        (F::KeysExist, Lang::En) => {
            "your keys exist already; change the passphrase with `kizuna keys passwd`".into()
        }
        (F::ShortPassphrase, Lang::Ja) => format!(
            "パスフレーズは{}文字以上にしてください",
            crate::service::cases::MIN_PASSPHRASE
        ),
        (F::ShortPassphrase, Lang::En) => format!(
            "a passphrase needs at least {} characters",
            crate::service::cases::MIN_PASSPHRASE
        ),
        (F::WrongPassphrase { failures }, Lang::Ja) => format!(
            "パスフレーズが違います (連続{failures}回目)。次の試行は{}秒待ちます。この失敗は監査ログに記録されました",
            crate::service::cases::unlock_delay(*failures).as_secs()
        ),
        (F::WrongPassphrase { failures }, Lang::En) => format!(
            "wrong passphrase ({failures} in a row); the next attempt waits {} s. The failure is in the audit log",
            crate::service::cases::unlock_delay(*failures).as_secs()
        ),
        (F::NotReady(d), Lang::Ja) => format!(
            "{}のケースはまだ準備されていません (`kizuna cases init --domain {}`)",
            d.term(lang),
            d.code()
        ),
        (F::NotReady(d), Lang::En) => format!(
            "{} cases are not set up yet (`kizuna cases init --domain {}`)",
            d.code(),
            d.code()
        ),
        (F::AlreadyReady(d), Lang::Ja) => format!("{}のケースは準備済みです", d.term(lang)),
        (F::AlreadyReady(d), Lang::En) => format!("{} cases are set up already", d.code()),
        (F::NotHolder { account, domain }, Lang::Ja) => {
            format!(
                "{account} は{}のケースの担当ではありません",
                domain.term(lang)
            )
        }
        (F::NotHolder { account, domain }, Lang::En) => {
            format!("{account} does not hold {} cases", domain.code())
        }
        (F::AlreadyHolder { account, domain }, Lang::Ja) => {
            format!("{account} は既に{}のケースの担当です", domain.term(lang))
        }
        (F::AlreadyHolder { account, domain }, Lang::En) => {
            format!("{account} holds {} cases already", domain.code())
        }
        (F::Locked(d), Lang::Ja) => format!(
            "{}のケースは鍵がかかっています。パスフレーズで解錠してください",
            d.term(lang)
        ),
        (F::Locked(d), Lang::En) => {
            format!("{} cases are locked: unlock with your passphrase", d.code())
        }
        (F::NoCase(id), Lang::Ja) => format!("開けるケース {id} はありません"),
        (F::NoCase(id), Lang::En) => format!("no case {id} that you may open"),
        (F::BadRecoveryKey, Lang::Ja) => {
            "回復キーが正しくないか、この分野の回復キーではありません".into()
        }
        (F::BadRecoveryKey, Lang::En) => {
            "the recovery key is not valid, or not this domain's".into()
        }
        (F::Rule(e), _) => case_error(e, lang),
        (F::Damaged(detail), Lang::Ja) => {
            format!("暗号化された記録を開けません (破損か、別の鍵のもの): {detail}")
        }
        (F::Damaged(detail), Lang::En) => {
            format!("sealed data does not open (damaged, or sealed for other keys): {detail}")
        }
    }
}

/// Why a case rule refused a change.
pub fn case_error(e: &CaseError, lang: Lang) -> String {
    use CaseError as E;
    let d = |date| both_calendars(date);
    match (e, lang) {
        (E::EndBeforeStart { start, end }, Lang::Ja) => {
            format!("終了日 {} が開始日 {} より前です", d(*end), d(*start))
        }
        (E::EndBeforeStart { start, end }, Lang::En) => {
            format!("the end {} comes before the start {}", d(*end), d(*start))
        }
        (E::BeforeOpened { on, opened }, Lang::Ja) => {
            format!("{} はケース開始日 {} より前です", d(*on), d(*opened))
        }
        (E::BeforeOpened { on, opened }, Lang::En) => {
            format!("{} comes before the case opened ({})", d(*on), d(*opened))
        }
        (E::BeforePrevious { on, previous }, Lang::Ja) => {
            format!("{} は前回の変更日 {} より前です", d(*on), d(*previous))
        }
        (E::BeforePrevious { on, previous }, Lang::En) => {
            format!(
                "{} comes before the previous change ({})",
                d(*on),
                d(*previous)
            )
        }
        (E::FieldMissing { stage, field }, Lang::Ja) => format!(
            "「{}」に進むには先に「{}」を入力してください",
            stage.term(lang),
            field.term(lang)
        ),
        (E::FieldMissing { stage, field }, Lang::En) => format!(
            "enter the {} before moving to {}",
            field.term(lang),
            stage.term(lang)
        ),
        (E::Closed, Lang::Ja) => "このケースは終結しています".into(),
        (E::Closed, Lang::En) => "the case is closed".into(),
        (E::OutsideRespondent, Lang::Ja) => {
            "外部の行為者はカスタマーハラスメントのケースにだけ記録できます".into()
        }
        (E::OutsideRespondent, Lang::En) => {
            "an outside respondent belongs only to a customer harassment case".into()
        }
        (E::EmptyText(what), Lang::Ja) => format!("{}が空です", text_name(what)),
        (E::EmptyText(what), Lang::En) => format!("the {what} is empty"),
        (E::NoSuchStep(i), Lang::Ja) => format!("復帰支援プランに手順 {} はありません", i + 1),
        (E::NoSuchStep(i), Lang::En) => format!("the plan has no step {}", i + 1),
        (E::NoSuchLeave(i), Lang::Ja) => format!("休職期間 {} はありません", i + 1),
        (E::NoSuchLeave(i), Lang::En) => format!("there is no leave {}", i + 1),
        (E::LeaveOverlap(i), Lang::Ja) => format!("休職期間 {} と重なります", i + 1),
        (E::LeaveOverlap(i), Lang::En) => format!("overlaps leave {}", i + 1),
        (E::SameStatus(s), Lang::Ja) => format!("既に「{}」です", s.term(lang)),
        (E::SameStatus(s), Lang::En) => format!("already {}", s.term(lang)),
        (E::WrongKind, Lang::Ja) => "この種類のケースにはその項目がありません".into(),
        (E::WrongKind, Lang::En) => "this kind of case has no such part".into(),
    }
}

/// The Japanese name of a text a case rule found empty.
fn text_name(what: &str) -> &str {
    match what {
        "subject" => "対象職員",
        "text" => "本文",
        "name" => "名前",
        "complainant" => "相談者",
        "respondent" => "行為者",
        "fact summary" => "事実確認の結果",
        "measures" => "措置の内容",
        "outcome" => "対応結果",
        other => other,
    }
}
