//! Driving the screens in tests: key strings through the real keymap and the screen
//! drawn as text.

use kizuna::tui::app::App;
use kizuna::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Keys in a string: plain characters, or `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`,
/// `<BS>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<Home>`, `<End>`, `<PgUp>`,
/// `<PgDn>`, `<Space>`, `<F2>`, `<C-s>` ….
pub fn keys(text: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            rest = &rest[end + 1..];
            let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
            out.push(match name {
                "Enter" => plain(KeyCode::Enter),
                "Esc" => plain(KeyCode::Esc),
                "Tab" => plain(KeyCode::Tab),
                "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                "BS" => plain(KeyCode::Backspace),
                "Up" => plain(KeyCode::Up),
                "Down" => plain(KeyCode::Down),
                "Left" => plain(KeyCode::Left),
                "Right" => plain(KeyCode::Right),
                "Home" => plain(KeyCode::Home),
                "End" => plain(KeyCode::End),
                "PgUp" => plain(KeyCode::PageUp),
                "PgDn" => plain(KeyCode::PageDown),
                "Space" => plain(KeyCode::Char(' ')),
                n if n.starts_with("C-") => KeyEvent::new(
                    KeyCode::Char(n[2..].chars().next().unwrap()),
                    KeyModifiers::CONTROL,
                ),
                n if n.starts_with('F') => plain(KeyCode::F(n[1..].parse().unwrap())),
                other => panic!("unknown key <{other}>"),
            });
            continue;
        }
        out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The screen as text, one line per row, trailing spaces cut.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(width, height)).unwrap();
    term.draw(|f| ui::render(app, f)).unwrap();
    let buffer = term.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        let mut x = 0;
        while x < width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the next cell too.
            x += kizuna::tui::widgets::text::width(symbol).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
