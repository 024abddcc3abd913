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

    /// LSP semantics on a plain string, for comparison: lines end at `\n`, `\r\n` or `\r`
    /// (nothing else); a character past a line's content is its end; a line past the last is
    /// the end of the text; a position inside a surrogate pair is that character.
    fn reference_offset(text: &str, position: Position) -> usize {
        let mut line_start = 0;
        let mut line = 0;
        let bytes = text.as_bytes();
        while line < position.line {
            let Some(at) = text[line_start..].find(['\n', '\r']) else {
                return text.len();
            };
            let mut next = line_start + at + 1;
            if bytes[line_start + at] == b'\r' && bytes.get(next) == Some(&b'\n') {
                next += 1;
            }
            line_start = next;
            line += 1;
        }
        let content_end = text[line_start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| line_start + i);
        let mut units = 0;
        for (i, c) in text[line_start..content_end].char_indices() {
            if units + c.len_utf16() > position.character as usize {
                return line_start + i;
            }
            units += c.len_utf16();
        }
        content_end
    }

    /// Thousands of random edits (surrogate pairs, CR, CRLF, U+2028, positions past the end
    /// and inside characters) give the text the protocol says they give.
    #[test]
    fn random_edits_agree_with_the_protocol() {
        let pieces = [
            "a", "é", "𝄞", "\n", "\r", "\r\n", "\u{2028}", "\u{85}", " ", ";", "",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n.max(1) as u64) as usize
        };
        for _ in 0..200 {
            let mut expected = String::new();
            let mut doc = Document::new("", 1);
            for _ in 0..40 {
                let lines = expected.matches('\n').count() + expected.matches('\r').count() + 2;
                let a = Position::new(next(lines) as u32, next(12) as u32);
                let b = Position::new(next(lines) as u32, next(12) as u32);
                let insert: String = (0..next(5)).map(|_| pieces[next(pieces.len())]).collect();
                let (start, end) = (
                    reference_offset(&expected, a),
                    reference_offset(&expected, b),
                );
                let end = end.max(start);
                expected.replace_range(start..end, &insert);
                edit(
                    &mut doc,
                    (a.line, a.character),
                    (b.line, b.character),
                    &insert,
                );
                assert_eq!(doc.text(), expected, "after {a:?}..{b:?} += {insert:?}");
            }
        }
    }
}
