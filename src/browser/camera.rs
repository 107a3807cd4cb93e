//! The camera, for reading answer codes in the team view. Frames are looked
//! at one by one and dropped: nothing is recorded, stored or sent. The
//! camera is opened only when the facilitator asks (`open`) and released by
//! `close`, which stops every track of the stream.
//!
//! Codes are read by the browser's `BarcodeDetector` where it has one (it is
//! not in `web-sys`, so it is called through `js_sys::Reflect`), and
//! otherwise by `hr_assessment::qr::read_rgba` on the frame's pixels, drawn
//! into a canvas that is never attached to the page.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream, MediaStreamTrack};

/// Why the camera could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraError {
    /// The person (or the browser's or site's policy) said no.
    Denied,
    /// No camera is connected.
    Missing,
    /// Another program is using it, or it failed to start.
    Busy,
    /// This browser offers no camera to pages (or not on this address).
    Unavailable,
}

/// Widest frame read by the Rust decoder: enough for a code a hand's width
/// across, and cheap to look at several times a second.
const MAX_WIDTH: u32 = 640;

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Asks for the camera (the back camera where there is a choice) and shows
/// its picture in `video`.
pub async fn open(video: &HtmlVideoElement) -> Result<MediaStream, CameraError> {
    let navigator = web_sys::window().ok_or(CameraError::Unavailable)?.navigator();
    // Absent outside a secure context, and in browsers without cameras.
    let devices = get(&navigator, "mediaDevices");
    if devices.is_undefined() || devices.is_null() {
        return Err(CameraError::Unavailable);
    }
    let devices: web_sys::MediaDevices = devices.unchecked_into();
    let wanted = Object::new();
    let _ = Reflect::set(&wanted, &"facingMode".into(), &"environment".into());
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_video(&wanted);
    constraints.set_audio(&JsValue::FALSE);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| CameraError::Unavailable)?;
    let stream: MediaStream = match JsFuture::from(promise).await {
        Ok(s) => s.unchecked_into(),
        Err(e) => {
            let name = get(&e, "name").as_string().unwrap_or_default();
            return Err(match name.as_str() {
                "NotAllowedError" | "SecurityError" => CameraError::Denied,
                "NotFoundError" | "OverconstrainedError" => CameraError::Missing,
                "NotReadableError" | "AbortError" => CameraError::Busy,
                _ => CameraError::Unavailable,
            });
        }
    };
    video.set_muted(true);
    video.set_src_object(Some(&stream));
    let _ = video.play().map(JsFuture::from);
    Ok(stream)
}

/// Releases the camera: every track stopped (the browser's camera light goes
/// out), the picture taken off `video`.
pub fn close(stream: &MediaStream, video: Option<&HtmlVideoElement>) {
    for track in stream.get_tracks().iter() {
        track.unchecked_into::<MediaStreamTrack>().stop();
    }
    if let Some(video) = video {
        video.set_src_object(None);
    }
}

/// The browser's QR code reader, if it has one that reads QR codes.
pub fn detector() -> Option<JsValue> {
    let window = web_sys::window()?;
    let class: Function = get(&window, "BarcodeDetector").dyn_into().ok()?;
    let options = Object::new();
    let _ = Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into()));
    // Throws where QR codes are not among the formats it reads.
    Reflect::construct(&class, &Array::of1(&options)).ok()
}

/// The texts of the QR codes `detector` sees in the video's current frame;
/// `None` if it failed (then the Rust decoder takes over).
pub async fn detect(detector: &JsValue, video: &HtmlVideoElement) -> Option<Vec<String>> {
    let detect: Function = get(detector, "detect").dyn_into().ok()?;
    let promise: Promise = detect.call1(detector, video).ok()?.dyn_into().ok()?;
    let found: Array = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    Some(found.iter().filter_map(|b| get(&b, "rawValue").as_string()).collect())
}

/// The texts of the QR codes in the video's current frame, read in Rust
/// from its pixels (drawn, at most 640 pixels wide, into `canvas`).
pub fn read_frame(video: &HtmlVideoElement, canvas: &HtmlCanvasElement) -> Vec<String> {
    let (w, h) = (video.video_width(), video.video_height());
    if w == 0 || h == 0 {
        return Vec::new();
    }
    let cw = w.min(MAX_WIDTH);
    let ch = (h as u64 * cw as u64 / w as u64).max(1) as u32;
    if canvas.width() != cw || canvas.height() != ch {
        canvas.set_width(cw);
        canvas.set_height(ch);
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE);
    let Some(context) = canvas
        .get_context_with_context_options("2d", &options)
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return Vec::new();
    };
    if context
        .draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, cw as f64, ch as f64)
        .is_err()
    {
        return Vec::new();
    }
    match context.get_image_data(0.0, 0.0, cw as f64, ch as f64) {
        Ok(image) => hr_assessment::qr::read_rgba(cw as usize, ch as usize, &image.data()),
        Err(_) => Vec::new(),
    }
}

/// Clears the canvas the frames were drawn into (nothing of the last frame
/// stays in memory once scanning stops).
pub fn forget_frames(canvas: &HtmlCanvasElement) {
    canvas.set_width(0);
    canvas.set_height(0);
}

/// A canvas of the page's document, never attached to it.
pub fn canvas() -> Option<HtmlCanvasElement> {
    web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()
}
