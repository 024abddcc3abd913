//! The source model on arbitrary text: parsing a file into declarations and splitting it into
//! statements must answer (a model, a located error) and never panic or crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.sql");
    // Bytes that are not UTF-8 are the loader's to refuse, with a position.
    let text = match pg_flux::load::decode_source(path, data.to_vec()) {
        Ok(text) => text,
        Err(_) => return,
    };
    let _ = pg_flux::source::parse_file(path, &text, "public");
    let _ = pg_flux::load::split(path, &text);
});
