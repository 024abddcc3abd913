//! Progress of long work (reading a catalog, reading source files, loading the shadow, writing
//! a tree), for a front end to show. The library reports phases and counts and draws nothing:
//! the command line installs a [`Reporter`] that draws bars on a terminal; without one (the
//! language server, tests, output to a file) every call is a no-op.

use std::sync::{Arc, OnceLock};

/// Draws phases: one [`Bar`] per phase, several at once when phases run concurrently.
pub trait Reporter: Send + Sync {
    /// A phase starts: `what` (`reading source files`), counted in `unit`s (`files`), out of
    /// `total` when it is known up front.
    fn start(&self, what: &str, unit: &'static str, total: Option<u64>) -> Box<dyn Bar>;
}

/// One phase as the reporter draws it.
pub trait Bar: Send + Sync {
    fn advance(&self, by: u64);
    /// The phase is over (called once, when the last handle goes).
    fn finish(&self);
}

static REPORTER: OnceLock<Box<dyn Reporter>> = OnceLock::new();

/// Sets the process's reporter (the first one set stays).
pub fn install(reporter: Box<dyn Reporter>) {
    let _ = REPORTER.set(reporter);
}

/// A running phase; cheap to clone into the tasks and threads that do its work. It ends when
/// the last clone is dropped.
#[derive(Clone, Default)]
pub struct Phase(Option<Arc<Running>>);

struct Running(Box<dyn Bar>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.finish();
    }
}

impl Phase {
    pub fn start(what: &str, unit: &'static str, total: Option<usize>) -> Phase {
        Phase(REPORTER.get().map(|reporter| {
            let total = total.map(|n| n as u64);
            Arc::new(Running(reporter.start(what, unit, total)))
        }))
    }

    pub fn advance(&self, by: usize) {
        if let Some(running) = &self.0 {
            running.0.advance(by as u64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_reporter_phases_cost_nothing_and_do_nothing() {
        let phase = Phase::start("reading", "files", Some(3));
        phase.clone().advance(2);
        assert!(phase.0.is_none());
    }
}
