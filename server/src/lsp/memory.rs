//! The server runs for hours and, on every refresh that finds a change, reads and frees
//! catalogs of hundreds of MB around the state it keeps. With glibc's defaults the freed
//! memory stays with the process: each thread may get its own arena, large buffers come from
//! the heap (whose free pages cannot be returned while a kept object sits above them), and
//! nothing is trimmed between requests.

/// Allocator settings for a long-running process (called once, before the state is built):
/// few arenas, so that kept and freed objects do not spread over one heap per thread; and
/// buffers of 128 KB and more mapped on their own, so that freeing one returns it to the
/// system at once (glibc otherwise raises that threshold as the process frees large blocks).
pub fn limit_fragmentation() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes the allocator's parameters.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Gives back to the system what a refresh allocated and freed (catalogs read and narrowed,
/// the dump index, the shadow's catalog: hundreds of MB at 10,000 tables). With
/// `PGFLUX_TRACE_QUERIES` set, says how much of the heap is in use.
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim only releases free memory of the allocator's own arenas;
        // mallinfo2 reads its counters.
        let info = unsafe {
            libc::malloc_trim(0);
            libc::mallinfo2()
        };
        crate::inspect::trace(&format!(
            "pg-flux lsp: heap in use {} MB of {} MB held",
            info.uordblks >> 20,
            (info.arena + info.hblkhd) >> 20
        ));
    }
}
