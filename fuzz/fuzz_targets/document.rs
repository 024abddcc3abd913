//! The language server's document store on arbitrary edits: any range (past the end, inside a
//! surrogate pair, reversed) and any text (CR, CRLF, U+2028, astral characters) is applied
//! without a panic, and the document stays the text the edits make of it.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use pg_flux::lsp::document::Document;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

#[derive(Arbitrary, Debug)]
struct Edit {
    start: (u8, u8),
    end: (u8, u8),
    text: String,
    whole: bool,
}

fuzz_target!(|input: (String, Vec<Edit>)| {
    let (initial, edits) = input;
    let mut doc = Document::new(&initial, 1);
    for edit in edits.iter().take(64) {
        let range = (!edit.whole).then(|| {
            Range::new(
                Position::new(edit.start.0.into(), edit.start.1.into()),
                Position::new(edit.end.0.into(), edit.end.1.into()),
            )
        });
        doc.apply(&TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: edit.text.clone(),
        });
        if edit.whole {
            assert_eq!(doc.text(), edit.text);
        }
    }
    let _ = doc.text();
});
