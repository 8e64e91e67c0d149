//! Keeping the screens current while others work through the same server: after a
//! commit by someone else, the staff index is read again (so a person entered by a
//! colleague is found at once) and the card shown is refreshed unless it is being
//! edited.

use super::perform;
use crate::i18n::link_fault;
use crate::remote::Api;
use crate::search::Index;
use crate::service::{LinkFault, Principal};
use crate::tui::app::{App, Notice};
use crate::tui::effect::Effect;
use crate::tui::panes::staff::Org;

/// What the loop remembers between looks.
pub struct Watch {
    commits: u64,
    lost: Option<LinkFault>,
}

impl Watch {
    pub fn new(service: &Api) -> Watch {
        Watch {
            commits: service.commits(),
            lost: None,
        }
    }

    /// Catches up with what others committed, and says once if the server went away.
    /// True when the screen needs redrawing.
    pub fn look(&mut self, service: &Api, p: &Principal, app: &mut App) -> bool {
        let mut dirty = false;
        let lost = service.lost();
        if lost.is_some() && lost != self.lost {
            self.lost = lost.clone();
            if let Some(fault) = &lost {
                app.notice = Some(Notice::Error(link_fault(fault, app.look.lang)));
                dirty = true;
            }
        }
        let now = service.commits();
        if now != self.commits && self.lost.is_none() && catch_up(service, p, app) {
            // A refresh that failed is tried again at the next look.
            self.commits = now;
            dirty = true;
        }
        dirty
    }
}

/// Reads the staff index again, keeps the query, the filter and the person selected,
/// and refreshes the card unless a form or a conflict is over it.
pub fn catch_up(service: &Api, p: &Principal, app: &mut App) -> bool {
    let Ok(dir) = service.directory(p) else {
        return false;
    };
    let s = &mut app.staff;
    let kept = s.selected_staff_no();
    s.index = Index::new(dir.entries);
    s.org = Org {
        tree: dir.org,
        titles: dir.titles,
        today: service.clock().today(),
    };
    s.refresh();
    if let Some(i) = kept.and_then(|no| {
        s.hits
            .iter()
            .position(|h| s.index.entry(h.index).staff_no == no)
    }) {
        s.selected = i;
    }
    let card = s.card.as_ref().map(|c| c.employee.staff_no.clone());
    if let Some(staff_no) = card.filter(|_| s.form.is_none() && s.conflict.is_none()) {
        perform(
            service,
            p,
            app,
            Effect::LoadCard {
                staff_no,
                edit: false,
            },
        );
    }
    true
}
