//! Frames on the socket: a little-endian `u32` length, then the body: a little-endian
//! `u16` protocol version and the bincode of one message of that version. A frame
//! longer than [`MAX_FRAME`], of another version, or that does not decode ends the
//! connection it came on, and only that one.

use std::io::{self, Read, Write};
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::proto::PROTOCOL;

/// The longest frame either side accepts: 64 MiB, room for a year's payroll CSV in one
/// import, or the staff directory of a large city.
pub const MAX_FRAME: u32 = 64 * 1024 * 1024;

/// Why a frame could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// The other side closed the connection between frames.
    #[error("closed")]
    Closed,
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("a frame of {0} bytes is over the limit")]
    TooLarge(u64),
    #[error("a frame of protocol {0}, this side speaks {PROTOCOL}")]
    Version(u16),
    #[error("a frame that does not decode: {0}")]
    Malformed(String),
}

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<{ MAX_FRAME as usize }>()
}

/// The frame of `message`, length first.
pub fn encode<T: Serialize>(message: &T) -> Result<Vec<u8>, FrameError> {
    let mut out = vec![0u8; 4];
    out.extend_from_slice(&PROTOCOL.to_le_bytes());
    bincode::serde::encode_into_std_write(message, &mut out, config())
        .map_err(|e| FrameError::Malformed(e.to_string()))?;
    let len = out.len() - 4;
    if len > MAX_FRAME as usize {
        return Err(FrameError::TooLarge(len as u64));
    }
    out[..4].copy_from_slice(&(len as u32).to_le_bytes());
    Ok(out)
}

/// Writes one frame.
pub fn write<T: Serialize>(to: &mut impl Write, message: &T) -> Result<(), FrameError> {
    to.write_all(&encode(message)?)?;
    to.flush()?;
    Ok(())
}

/// Reads one frame. A clean end of the stream before a frame begins is
/// [`FrameError::Closed`].
pub fn read<T: DeserializeOwned>(from: &mut impl Read) -> Result<T, FrameError> {
    read_limited(from, MAX_FRAME)
}

/// Reads one frame of at most `limit` bytes (a hello is small: a stranger may not make
/// the server set aside 64 MiB before it has said who it is).
pub fn read_limited<T: DeserializeOwned>(
    from: &mut impl Read,
    limit: u32,
) -> Result<T, FrameError> {
    let mut len = [0u8; 4];
    loop {
        match from.read(&mut len[..1]) {
            Ok(0) => return Err(FrameError::Closed),
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        }
    }
    from.read_exact(&mut len[1..])?;
    let len = u32::from_le_bytes(len);
    if len > limit {
        return Err(FrameError::TooLarge(u64::from(len)));
    }
    if len < 2 {
        return Err(FrameError::Malformed(format!("{len} bytes")));
    }
    let mut body = vec![0u8; len as usize];
    from.read_exact(&mut body)?;
    let version = u16::from_le_bytes([body[0], body[1]]);
    if version != PROTOCOL {
        return Err(FrameError::Version(version));
    }
    let (message, used) = bincode::serde::decode_from_slice(&body[2..], config())
        .map_err(|e| FrameError::Malformed(e.to_string()))?;
    if used != body.len() - 2 {
        return Err(FrameError::Malformed(format!(
            "{} bytes left over",
            body.len() - 2 - used
        )));
    }
    Ok(message)
}

/// A socket read against a deadline for the whole frame, not for each piece: a peer
/// that sends a byte now and then cannot hold a thread for ever.
pub struct Timed<'a> {
    stream: &'a UnixStream,
    until: Instant,
}

impl<'a> Timed<'a> {
    pub fn new(stream: &'a UnixStream, within: Duration) -> Timed<'a> {
        Timed {
            stream,
            until: Instant::now() + within,
        }
    }
}

impl Read for Timed<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let late = || io::Error::new(io::ErrorKind::TimedOut, "no complete frame in time");
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(late());
        }
        self.stream.set_read_timeout(Some(left))?;
        match (&mut &*self.stream).read(buf) {
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                Err(late())
            }
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_reads_back() {
        let frame = encode(&("申請", 7u32)).unwrap();
        let back: (String, u32) = read(&mut frame.as_slice()).unwrap();
        assert_eq!(back, ("申請".to_string(), 7));
    }

    #[test]
    fn an_oversized_length_is_refused_before_reading_the_body() {
        let mut frame = (MAX_FRAME + 1).to_le_bytes().to_vec();
        frame.extend_from_slice(&PROTOCOL.to_le_bytes());
        let e = read::<u32>(&mut frame.as_slice()).unwrap_err();
        assert!(matches!(e, FrameError::TooLarge(n) if n == u64::from(MAX_FRAME) + 1));
    }

    #[test]
    fn another_version_and_garbage_are_refused() {
        let mut frame = encode(&5u32).unwrap();
        frame[4] = frame[4].wrapping_add(1);
        assert!(matches!(
            read::<u32>(&mut frame.as_slice()),
            Err(FrameError::Version(_))
        ));
        let mut junk = 3u32.to_le_bytes().to_vec();
        junk.extend_from_slice(&PROTOCOL.to_le_bytes());
        junk.push(0xff);
        assert!(matches!(
            read::<String>(&mut junk.as_slice()),
            Err(FrameError::Malformed(_))
        ));
        assert!(matches!(
            read::<u32>(&mut [].as_slice()),
            Err(FrameError::Closed)
        ));
    }
}
