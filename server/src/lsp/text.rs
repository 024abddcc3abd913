//! Positions: the protocol counts UTF-16 code units per line; the library counts bytes.

use tower_lsp_server::ls_types::{Position, Range};

/// Line starts of one text, for converting byte offsets to and from protocol positions.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        // Lines end at LF, CRLF or a lone CR, as the protocol counts them.
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(bytes.iter().enumerate().filter_map(|(i, b)| match b {
            b'\n' => Some(i + 1),
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some(i + 1),
            _ => None,
        }));
        LineIndex { text, starts }
    }

    /// The position of byte `offset` (clamped to the text and to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let character = self.text[start..offset].encode_utf16().count();
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end.max(start)))
    }

    /// The byte offset of `position`; a character past the line's end is its end.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let mut units = 0u32;
        for (i, c) in self.text[start..].char_indices() {
            if c == '\n' || c == '\r' || units >= position.character {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        self.text.len()
    }

    /// The range of the first line (where file-level diagnostics go).
    pub fn first_line(&self) -> Range {
        let end = self.text.find(['\r', '\n']).unwrap_or(self.text.len());
        self.range(0, end)
    }

    /// The range from the start to the end of the text.
    pub fn whole(&self) -> Range {
        self.range(0, self.text.len())
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns() {
        let text = "ab\n𝄞x é\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        assert_eq!(index.position(x), Position::new(1, 2));
        assert_eq!(index.offset(Position::new(1, 2)), x);
        assert_eq!(index.offset(Position::new(1, 99)), text.len() - 1);
        assert_eq!(index.offset(Position::new(9, 0)), text.len());
        assert_eq!(
            index.first_line(),
            Range::new(Position::new(0, 0), Position::new(0, 2))
        );
        let cr = "a\rb\r\nc\u{2028}d";
        let index = LineIndex::new(cr);
        assert_eq!(index.position(2), Position::new(1, 0));
        assert_eq!(index.position(5), Position::new(2, 0));
        assert_eq!(index.position(cr.len()), Position::new(2, 3));
    }
}
