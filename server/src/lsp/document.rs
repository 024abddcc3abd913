//! A document open in the editor: a rope edited incrementally with UTF-16 positions.

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent};

pub struct Document {
    pub rope: Rope,
    pub version: i32,
}

impl Document {
    pub fn new(text: &str, version: i32) -> Document {
        Document {
            rope: Rope::from_str(text),
            version,
        }
    }

    /// Applies one change of `textDocument/didChange` (a range edit, or the whole text).
    pub fn apply(&mut self, change: &TextDocumentContentChangeEvent) {
        match change.range {
            None => self.rope = Rope::from_str(&change.text),
            Some(range) => {
                let start = self.char_index(range.start);
                let end = self.char_index(range.end).max(start);
                self.rope.remove(start..end);
                self.rope.insert(start, &change.text);
            }
        }
    }

    /// The character index of a protocol position; past a line's end is its end, past the
    /// last line is the end of the text.
    fn char_index(&self, position: Position) -> usize {
        let rope = &self.rope;
        let line = position.line as usize;
        if line >= rope.len_lines() {
            return rope.len_chars();
        }
        let start = rope.line_to_char(line);
        let mut end = if line + 1 < rope.len_lines() {
            rope.line_to_char(line + 1)
        } else {
            rope.len_chars()
        };
        // The line's content ends before its line break.
        while end > start && matches!(rope.char(end - 1), '\n' | '\r') {
            end -= 1;
        }
        let base = rope.char_to_utf16_cu(start);
        let target = base + position.character as usize;
        let limit = rope.char_to_utf16_cu(end);
        rope.utf16_cu_to_char(target.min(limit))
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::Range;

    fn edit(doc: &mut Document, (l1, c1): (u32, u32), (l2, c2): (u32, u32), text: &str) {
        doc.apply(&TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.to_string(),
        });
    }

    #[test]
    fn incremental_edits_count_utf16() {
        let mut doc = Document::new("SELECT '𝄞';\nCREATE TABLE t ();\n", 1);
        // After the surrogate pair (2 units) and the quote.
        edit(&mut doc, (0, 11), (0, 11), " x");
        assert_eq!(doc.text(), "SELECT '𝄞' x;\nCREATE TABLE t ();\n");
        edit(&mut doc, (1, 13), (1, 14), "users");
        assert_eq!(doc.text(), "SELECT '𝄞' x;\nCREATE TABLE users ();\n");
        edit(&mut doc, (0, 0), (1, 0), "");
        assert_eq!(doc.text(), "CREATE TABLE users ();\n");
        edit(&mut doc, (5, 0), (5, 0), "-- end\n");
        assert_eq!(doc.text(), "CREATE TABLE users ();\n-- end\n");
    }
}
