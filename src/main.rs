//! The `liveblog` binary: everything is in the library; see [`liveblog::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    tune_allocator();
    liveblog::cli::main()
}

/// glibc's allocator gives each thread that allocates an arena of its own, and memory freed in
/// one is reused by that thread only: with a file parsed on two cores and the rules compiled
/// on a third thread, that held 2.5 MB more at a 108 MB blog's peak, and the heap's default
/// top padding 1 MB more, for no time measured. One arena, grown as needed.
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets the allocator's parameters, before any thread is started.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_TOP_PAD, 0);
    }
}
