//! The command line's progress bars (part of the binary, not the library): one line per phase
//! on stderr, drawn only when stderr is a terminal. A finished phase stays on screen with its
//! count and time, so the phases of a run read as a short log.

use std::time::Instant;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use pg_flux::progress::{Bar, Reporter};

pub struct TerminalProgress {
    bars: MultiProgress,
    /// `dump`, `verify`, …: each line starts with it.
    command: &'static str,
}

impl TerminalProgress {
    pub fn new(command: &'static str) -> TerminalProgress {
        TerminalProgress {
            bars: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
            command,
        }
    }
}

struct Line {
    bar: ProgressBar,
    unit: &'static str,
    started: Instant,
}

impl Reporter for TerminalProgress {
    fn start(&self, what: &str, unit: &'static str, total: Option<u64>) -> Box<dyn Bar> {
        let template = match total {
            Some(_) => "{prefix}: {msg} [{bar:30}] {pos}/{len} {unit}",
            None => "{prefix}: {msg} {spinner} {pos} {unit}",
        }
        .replace("{unit}", unit);
        let style = ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| ProgressStyle::default_spinner())
            .progress_chars("=> ");
        let bar = match total {
            Some(n) => ProgressBar::new(n),
            None => ProgressBar::new_spinner(),
        };
        let bar = bar
            .with_style(style)
            .with_prefix(self.command)
            .with_message(what.to_string());
        let bar = self.bars.add(bar);
        bar.enable_steady_tick(std::time::Duration::from_millis(100));
        Box::new(Line {
            bar,
            unit,
            started: Instant::now(),
        })
    }
}

impl Bar for Line {
    fn advance(&self, by: u64) {
        self.bar.inc(by);
    }

    fn finish(&self) {
        let done = ProgressStyle::with_template("{prefix}: {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        let message = format!(
            "{}: {} {} in {:.1} s",
            self.bar.message(),
            self.bar.position(),
            self.unit,
            self.started.elapsed().as_secs_f64()
        );
        self.bar.set_style(done);
        self.bar.finish_with_message(message);
    }
}
