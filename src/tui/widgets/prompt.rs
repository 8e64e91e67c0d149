//! A one-line question in a box over a pane: a unit, a session, a staff number, a
//! reason. What it asks for is the pane's business (`K`); the text, the cursor and the
//! box are the same everywhere.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::input::TextInput;
use super::text::{fit, width, wrap};
use crate::i18n::tui;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::theme::Theme;

#[derive(Clone, Debug)]
pub struct Prompt<K> {
    pub kind: K,
    pub input: TextInput,
    /// The text was put there for the user: the first key typed replaces it.
    pub fresh: bool,
    pub error: Option<String>,
}

impl<K> Prompt<K> {
    pub fn new(kind: K, text: &str) -> Prompt<K> {
        Prompt {
            kind,
            input: TextInput::with(text),
            fresh: !text.is_empty(),
            error: None,
        }
    }

    /// An edit of the field; proposed text is replaced by typing, as in a dialog whose
    /// default is selected.
    pub fn edit(&mut self, action: &Action) {
        let replace = self.fresh
            && matches!(
                action,
                Action::Input(_) | Action::Paste(_) | Action::Backspace | Action::Delete
            );
        self.fresh = false;
        self.error = None;
        if replace {
            self.input.clear();
            if matches!(action, Action::Backspace | Action::Delete) {
                return;
            }
        }
        self.input.apply(action);
    }
}

/// Lines of the message under the field at most: a refusal is read whole.
const MESSAGE_LINES: usize = 4;

/// Draws the box near the top of `area`: the title, the field, then the error if there
/// is one, else `hint` in `hint_style`, and the keys.
#[allow(clippy::too_many_arguments)]
pub fn draw<K>(
    app: &App,
    prompt: &Prompt<K>,
    title: &str,
    hint: &str,
    hint_style: Style,
    theme: &Theme,
    f: &mut Frame,
    area: Rect,
) {
    let lang = app.look.lang;
    let w = area.width.min(64);
    let iw = usize::from(w.saturating_sub(2));
    let mark = theme.ellipsis();
    let (message, style) = match &prompt.error {
        Some(err) => (err.as_str(), theme.error()),
        None => (hint, hint_style),
    };
    let mut said = wrap(message, iw);
    if said.len() > MESSAGE_LINES {
        said.truncate(MESSAGE_LINES);
        if let Some(last) = said.last_mut() {
            *last = fit(&format!("{last}{mark}"), iw, mark);
        }
    }
    let h = (5 + said.len() as u16).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 2.min(area.height.saturating_sub(h)),
        width: w,
        height: h,
    };
    // One column either side too, so no wide character is left cut at the edges.
    let x = rect.x.saturating_sub(1).max(area.x);
    let right = (rect.right() + 1).min(area.right());
    f.render_widget(
        Clear,
        Rect {
            x,
            y: rect.y,
            width: right - x,
            height: rect.height,
        },
    );
    let block = theme.block(format!(" {title} "));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let lead = "> ";
    let text_style = if prompt.fresh {
        theme.selected()
    } else {
        Style::default()
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(lead, theme.heading()),
            Span::styled(
                fit(prompt.input.text(), iw.saturating_sub(2), mark),
                text_style,
            ),
        ]),
        Line::from(""),
    ];
    lines.extend(said.into_iter().map(|l| Line::from(Span::styled(l, style))));
    lines.push(Line::from(Span::styled(
        fit(tui("prompt.keys", lang), iw, mark),
        theme.dim(),
    )));
    f.render_widget(Paragraph::new(lines), inner);
    if app.help.is_none() && app.confirm.is_none() {
        let before = width(prompt.input.before_cursor()).min(iw.saturating_sub(3));
        f.set_cursor_position(Position::new(
            inner.x + (width(lead) + before) as u16,
            inner.y,
        ));
    }
}
