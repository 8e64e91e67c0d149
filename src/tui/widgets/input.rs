//! A one-line text field: the text, a cursor, and the edits a keyboard makes.

/// Text as a code or date field reads it: trimmed, with full-width digits, letters
/// and signs (typed with the IME on) made half-width.
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.trim().nfkc().collect::<String>().trim().to_string()
}

use crate::tui::action::Action;

/// A single-line field. The cursor counts characters, not bytes, so Japanese text
/// edits as it should.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

impl TextInput {
    pub fn with(text: &str) -> TextInput {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Pasted text: line breaks become spaces, other control characters are dropped.
    pub fn paste(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\r' | '\n' | '\t' => self.insert(' '),
                c => self.insert(c),
            }
        }
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// Overwrites the text (a passphrase) before emptying the field.
    pub fn wipe(&mut self) {
        use zeroize::Zeroize;
        self.text.zeroize();
        self.cursor = 0;
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Carries out an editing action (see `Action::is_edit`); others are ignored.
    pub fn apply(&mut self, action: &Action) {
        match action {
            Action::Input(c) => self.insert(*c),
            Action::Paste(text) => self.paste(text),
            Action::Backspace => self.backspace(),
            Action::Delete => self.delete(),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::Home => self.home(),
            Action::End => self.end(),
            Action::ClearField => self.clear(),
            _ => {}
        }
    }

    /// The text before the cursor, for placing the terminal cursor.
    pub fn before_cursor(&self) -> &str {
        &self.text[..self.byte_at(self.cursor)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_japanese_by_character() {
        let mut t = TextInput::default();
        for c in "たかし".chars() {
            t.insert(c);
        }
        t.left();
        t.insert('は');
        assert_eq!(t.text(), "たかはし");
        t.backspace();
        assert_eq!(t.text(), "たかし");
        t.home();
        t.delete();
        assert_eq!(t.text(), "かし");
        t.end();
        t.paste("\r\n山田");
        assert_eq!(t.text(), "かし  山田");
        assert_eq!(t.before_cursor(), "かし  山田");
    }
}
