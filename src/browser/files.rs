//! Files leave the browser only here, and only when the user asks: the file
//! is made in the page (a Blob behind an object URL) and handed to the
//! browser's own download. Nothing is uploaded.

use std::fmt;
use wasm_bindgen::JsCast;

/// Why a file could not be handed to the browser's download. (The
/// interface words it: `ui/messages.rs`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DownloadError {
    /// The page has no window or document (it is closing).
    NoPage,
    /// The browser would not make the file (a Blob or its URL): out of
    /// memory, say.
    File,
    /// The browser would not make the link that starts the download.
    Start,
}

impl fmt::Display for DownloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DownloadError::NoPage => "no window or document",
            DownloadError::File => "could not make the file",
            DownloadError::Start => "could not start the download",
        })
    }
}

/// Offers `content` as a download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), DownloadError> {
    let window = web_sys::window().ok_or(DownloadError::NoPage)?;
    let document = window.document().ok_or(DownloadError::NoPage)?;
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| DownloadError::File)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError::File)?;
    let anchor = document
        .create_element("a")
        .map_err(|_| DownloadError::Start)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| DownloadError::Start)?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The click has handed the file to the browser; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a file the user picked or dropped, as text, in the page.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let value = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "the browser could not read it".to_owned())?;
    value.as_string().ok_or_else(|| "it is not a text file".to_owned())
}
