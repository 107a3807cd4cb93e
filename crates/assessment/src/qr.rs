//! The answer code as a QR code, and QR codes read from a camera's frames.
//!
//! A participant's results page shows their answer code (`code::encode`) as
//! a QR code drawn in the page: [`picture`] makes it with `qrcodegen` as one
//! SVG path. The facilitator's team view reads codes with the laptop's
//! camera: the browser's `BarcodeDetector` where it has one, [`read_rgba`]
//! (`quircs`, a port of quirc) on a frame's pixels where it does not. Whatever is read goes
//! through the same checks as a pasted code; [`Repeats`] keeps a code that
//! stays in front of the camera from being acted on at every frame.
//!
//! ```
//! use hr_assessment::qr::{picture, QUIET_ZONE};
//!
//! let p = picture("B2.ZAACAAAAAAAAAAAAAEDFAAAAAAAbrtI").unwrap();
//! // 34 bytes fit a version 3 symbol (29 modules), plus the quiet zone.
//! assert_eq!(p.side, 29 + 2 * QUIET_ZONE);
//! assert!(p.path.starts_with('M'));
//! ```

use qrcodegen::{QrCode, QrCodeEcc};

/// The light margin around a QR code, in modules, that the standard asks
/// for so that a reader finds the code's edges.
pub const QUIET_ZONE: u32 = 4;

/// A QR code ready for an SVG: a square `side` modules wide (quiet zone
/// included), whose dark modules are `path` (one `M x,y h w v1 h-w z`
/// run per row of adjacent dark modules).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub side: u32,
    pub path: String,
}

/// `text` as a QR code (error correction level M at least: a code on a
/// phone's screen, read by a laptop's camera across a table). `None` only
/// for text far longer than an answer code.
pub fn picture(text: &str) -> Option<Picture> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = qr.size();
    let q = QUIET_ZONE as i32;
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && qr.get_module(x, y) {
                x += 1;
            }
            let w = x - start;
            path.push_str(&format!("M{},{}h{w}v1h-{w}z", start + q, y + q));
        }
    }
    Some(Picture {
        side: n as u32 + 2 * QUIET_ZONE,
        path,
    })
}

/// Every QR code found in a frame of `width` × `height` pixels given as
/// RGBA bytes (a canvas's `getImageData`), decoded as text. Codes that are
/// found but cannot be decoded (or are not UTF-8) are left out; nothing is
/// kept.
pub fn read_rgba(width: usize, height: usize, rgba: &[u8]) -> Vec<String> {
    if width == 0 || height == 0 || rgba.len() < width * height * 4 {
        return Vec::new();
    }
    // Luma (BT.601 weights, in 256ths).
    let luma: Vec<u8> = rgba
        .chunks_exact(4)
        .take(width * height)
        .map(|p| ((77 * p[0] as u32 + 150 * p[1] as u32 + 29 * p[2] as u32) >> 8) as u8)
        .collect();
    let mut reader = quircs::Quirc::default();
    reader
        .identify(width, height, &luma)
        .filter_map(|code| code.ok()?.decode().ok())
        .filter_map(|data| String::from_utf8(data.payload).ok())
        .collect()
}

/// What a scanner has read lately. A code held in front of the camera is
/// read on frame after frame; it is acted on once, and again only once it
/// has been out of sight, in at least [`Repeats::MISSED_FRAMES`] frames
/// looked at and for at least [`Repeats::QUIET_MS`] (shown a second time, a
/// code already added is then refused once, with its message). Counting the
/// frames looked at as well as the time means that a pause in looking (a
/// busy page, a tab in the background) does not make a code new again.
#[derive(Clone, Debug, Default)]
pub struct Repeats {
    /// Each text read lately: the last time it was read (ms), and in how
    /// many frames since it was missing.
    seen: Vec<(String, f64, u32)>,
}

impl Repeats {
    /// How long a code must be out of sight before it counts as new.
    pub const QUIET_MS: f64 = 2000.0;
    /// In how many frames looked at it must be missing, too.
    pub const MISSED_FRAMES: u32 = 5;
    /// Texts remembered at most (a frame rarely holds more than one).
    const MAX: usize = 16;

    /// One frame looked at, at `now_ms`, and the texts read in it: returns
    /// those to act on, in order, each once.
    pub fn frame(&mut self, texts: Vec<String>, now_ms: f64) -> Vec<String> {
        for (text, at, missed) in &mut self.seen {
            if texts.contains(text) {
                *at = now_ms;
                *missed = 0;
            } else {
                *missed += 1;
            }
        }
        self.seen
            .retain(|(_, at, missed)| *missed < Self::MISSED_FRAMES || now_ms - *at < Self::QUIET_MS);
        let mut fresh = Vec::new();
        for text in texts {
            if self.seen.iter().any(|(t, _, _)| *t == text) {
                continue;
            }
            if self.seen.len() >= Self::MAX {
                self.seen.remove(0);
            }
            self.seen.push((text.clone(), now_ms, 0));
            fresh.push(text);
        }
        fresh
    }

    /// Forgets everything (a new scan starts).
    pub fn clear(&mut self) {
        self.seen.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::encode;
    use crate::{Instrument, ItemId, Responses, ScaleAnswer, Shipped};

    /// Draws a picture's path into RGBA pixels, `scale` pixels a module,
    /// dark on white, as a browser would paint the SVG.
    fn rasterize(p: &Picture, scale: usize) -> (usize, Vec<u8>) {
        let side = p.side as usize * scale;
        let mut rgba = vec![255u8; side * side * 4];
        for run in p.path.split('z').filter(|r| !r.is_empty()) {
            // "M{x},{y}h{w}v1h-{w}"
            let rest = run.strip_prefix('M').expect("a run starts with M");
            let (x, rest) = rest.split_once(',').unwrap();
            let (y, rest) = rest.split_once('h').unwrap();
            let (w, rest) = rest.split_once('v').unwrap();
            assert_eq!(rest, format!("1h-{w}"), "a run is one module high and closes on itself");
            let (x, y, w): (usize, usize, usize) = (x.parse().unwrap(), y.parse().unwrap(), w.parse().unwrap());
            for py in y * scale..(y + 1) * scale {
                for px in x * scale..(x + w) * scale {
                    let i = (py * side + px) * 4;
                    rgba[i..i + 3].copy_from_slice(&[0, 0, 0]);
                }
            }
        }
        (side, rgba)
    }

    fn some_code() -> String {
        let mut r = Responses::default();
        r.set_statement(ItemId::new("adequate-funding"), ScaleAnswer::StronglyDisagree);
        r.set_statement(ItemId::new("reimbursement"), ScaleAnswer::DontKnow);
        encode(Instrument::shipped(), &r)
    }

    #[test]
    fn an_answer_code_drawn_as_a_qr_code_reads_back_as_the_same_code() {
        let code = some_code();
        let p = picture(&code).unwrap();
        assert_eq!(p.side, 29 + 2 * QUIET_ZONE, "an answer code needs a version 3 symbol");
        for scale in [3, 5] {
            let (side, rgba) = rasterize(&p, scale);
            assert_eq!(read_rgba(side, side, &rgba), vec![code.clone()], "scale {scale}");
        }
    }

    #[test]
    fn the_quiet_zone_stays_light() {
        let p = picture(&some_code()).unwrap();
        let (side, rgba) = rasterize(&p, 1);
        let q = QUIET_ZONE as usize;
        for y in 0..side {
            for x in 0..side {
                if x < q || y < q || x >= side - q || y >= side - q {
                    assert_eq!(rgba[(y * side + x) * 4], 255, "({x}, {y}) is in the quiet zone");
                }
            }
        }
        // The finder pattern's corner module is dark.
        assert_eq!(rgba[(q * side + q) * 4], 0);
    }

    #[test]
    fn a_frame_without_a_code_or_too_short_reads_nothing() {
        assert!(read_rgba(40, 30, &vec![255; 40 * 30 * 4]).is_empty());
        assert!(read_rgba(40, 30, &[0; 16]).is_empty());
        assert!(read_rgba(0, 0, &[]).is_empty());
    }

    #[test]
    fn far_too_long_text_has_no_picture() {
        assert!(picture(&"x".repeat(5000)).is_none());
    }

    fn one(text: &str) -> Vec<String> {
        vec![text.to_owned()]
    }

    #[test]
    fn a_code_held_in_front_of_the_camera_counts_once() {
        let mut r = Repeats::default();
        assert_eq!(r.frame(one("B2.a"), 0.0), one("B2.a"));
        // Read on every frame while it stays in view: never again, even
        // when it is missed now and then (a blurred frame).
        for f in 1..50 {
            let texts = if f % 3 == 0 { vec![] } else { one("B2.a") };
            assert!(r.frame(texts, f as f64 * 150.0).is_empty(), "frame {f}");
        }
        // Another code in the same frames counts once too; twice in one
        // frame is once.
        assert_eq!(
            r.frame(vec!["B2.a".into(), "B2.b".into(), "B2.b".into()], 7_500.0),
            one("B2.b")
        );
        assert!(r.frame(vec!["B2.b".into(), "B2.a".into()], 7_650.0).is_empty());
    }

    #[test]
    fn a_code_shown_again_after_a_pause_counts_again() {
        let mut r = Repeats::default();
        assert_eq!(r.frame(one("B2.a"), 0.0), one("B2.a"));
        // Out of sight for long enough, in enough frames: new again.
        for f in 1..=Repeats::MISSED_FRAMES {
            assert!(r.frame(vec![], f as f64 * 500.0).is_empty());
        }
        assert_eq!(r.frame(one("B2.a"), 3_000.0), one("B2.a"));
        r.clear();
        assert_eq!(r.frame(one("B2.a"), 3_001.0), one("B2.a"), "a new scan starts afresh");
    }

    #[test]
    fn a_pause_in_looking_is_not_the_code_going_away() {
        let mut r = Repeats::default();
        assert_eq!(r.frame(one("B2.a"), 0.0), one("B2.a"));
        // The page was busy for ten seconds: no frame looked at.
        assert!(r.frame(one("B2.a"), 10_000.0).is_empty());
        // Missing in many frames, but only for a moment: still the same.
        for f in 1..=20 {
            assert!(r.frame(vec![], 10_000.0 + f as f64 * 50.0).is_empty());
        }
        assert!(r.frame(one("B2.a"), 11_100.0).is_empty());
    }

    #[test]
    fn repeats_remember_a_bounded_number_of_codes() {
        let mut r = Repeats::default();
        for i in 0..100 {
            assert_eq!(r.frame(vec![format!("code {i}")], 0.0).len(), 1);
        }
        assert!(r.seen.len() <= Repeats::MAX);
        assert!(r.frame(one("code 99"), 1.0).is_empty());
    }
}
