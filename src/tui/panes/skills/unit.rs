//! The unit a user names for the matrix and the gap report: a code, or a name or part
//! of one.

use crate::domain::{Date, OrgTree, UnitKind};
use crate::i18n::{Lang, tui};
use crate::tui::widgets::input::fold;
use crate::tui::widgets::text::fill;

/// A unit from what the user typed: a code, or a name or part of one (a 課 before its
/// 係 when both match). Empty means the whole city.
pub fn resolve_unit(
    tree: &OrgTree,
    today: Date,
    text: &str,
    lang: Lang,
) -> Result<Option<String>, String> {
    let t = fold(text);
    if t.is_empty() {
        return Ok(None);
    }
    if tree.get(&t).is_some() {
        return Ok(Some(t));
    }
    let live: Vec<_> = tree.units().filter(|u| u.is_valid_on(today)).collect();
    let exact: Vec<_> = live.iter().filter(|u| u.name == t).collect();
    let partial: Vec<_> = live
        .iter()
        .filter(|u| tree.path_name(&u.code).contains(t.as_str()))
        .collect();
    for found in [exact, partial] {
        let sections: Vec<_> = found
            .iter()
            .filter(|u| u.kind == UnitKind::Section)
            .collect();
        match (found.len(), sections.len()) {
            (0, _) => continue,
            (1, _) => return Ok(Some(found[0].code.clone())),
            (_, 1) => return Ok(Some(sections[0].code.clone())),
            _ => {
                let some: Vec<String> = found
                    .iter()
                    .take(3)
                    .map(|u| format!("{} {}", u.code, u.name))
                    .collect();
                return Err(fill(
                    tui("prompt.unit_many", lang),
                    &[&found.len().to_string(), &some.join(", ")],
                ));
            }
        }
    }
    Err(fill(tui("prompt.unit_none", lang), &[&t]))
}
