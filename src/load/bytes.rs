//! A file's bytes in memory: a regular file read in one allocation (a big one in two halves at
//! once), a stream (a pipe, a FIFO, a device) read without waiting for a writer up to a limit,
//! and the allocator's settings that keep a big parse's peak low. Parsing them is the loader's.

use crate::decode::InputError;
use std::path::Path;

/// How much of a stream (`/dev/stdin`, `<(pbpaste)`, a FIFO, a device) is read before it is
/// refused as too large: a device such as `/dev/zero` never ends, and a blog copied through a
/// pipe is far smaller than this.
pub const STREAM_LIMIT: usize = 256 << 20;

/// Reads a stream to its end. It is opened without blocking, so a FIFO nobody writes to reads
/// as empty instead of hanging the reader; a writer that is slow is waited for.
#[cfg(unix)]
pub(super) fn read_stream(path: &Path) -> Result<Vec<u8>, InputError> {
    use std::io::{ErrorKind, Read};
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)?;
    let mut bytes = Vec::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match file.read(&mut buf) {
            Ok(0) => return Ok(bytes),
            Ok(n) if bytes.len() + n > STREAM_LIMIT => {
                let why = format!("a stream longer than {} MiB", STREAM_LIMIT >> 20);
                return Err(std::io::Error::other(why).into());
            }
            Ok(n) => bytes.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == ErrorKind::WouldBlock => std::thread::sleep(std::time::Duration::from_millis(5)),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(not(unix))]
pub(super) fn read_stream(_path: &Path) -> Result<Vec<u8>, InputError> {
    Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file").into())
}

/// glibc's allocator gives each thread that allocates an arena of its own, and memory freed in
/// one is reused by that thread only: with a file parsed on two cores and the rules compiled
/// on a third thread, that held 2.5 MB more at a 108 MB blog's peak, for no time measured; the
/// heap's default top padding held 1 MB more (without it the parse takes about 6,000 more page
/// faults, some 5 % of its processor time). One arena, grown as needed. For a program's
/// start, before it starts a thread: the binary's `main` and the memory benchmark call it.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets the allocator's parameters; the caller has started no thread.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_TOP_PAD, 0);
    }
}

/// Files from this size on are read in two halves at once: the kernel's copy into fresh memory
/// (its page faults included) is a fifth of a big file's parse, and it divides over two cores.
const READ_IN_HALVES_FROM: u64 = 4 << 20;

/// A file's bytes, as `std::fs::read` gives them, in one allocation of the size the file had
/// when it was looked at (`size`); a file that changed size meanwhile is read again whole.
pub(super) fn read_file(path: &Path, size: u64) -> std::io::Result<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    if size < READ_IN_HALVES_FROM {
        return std::fs::read(path);
    }
    let file = std::fs::File::open(path)?;
    let len = usize::try_from(size).map_err(std::io::Error::other)?;
    // Zeroed, so the memory comes straight from the system and each half's pages are first
    // touched by the read that fills them.
    let mut bytes = vec![0u8; len];
    let (low, high) = bytes.split_at_mut(len / 2);
    let fill = |part: &mut [u8], mut at: u64| -> std::io::Result<bool> {
        let mut done = 0;
        while done < part.len() {
            match file.read_at(&mut part[done..], at) {
                Ok(0) => return Ok(false),
                Ok(n) => {
                    done += n;
                    at += n as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(true)
    };
    let (a, b) = rayon::join(|| fill(low, 0), || fill(high, (len / 2) as u64));
    let mut more = [0u8; 1];
    if !(a? && b?) || file.read_at(&mut more, size)? != 0 {
        return std::fs::read(path);
    }
    Ok(bytes)
}
