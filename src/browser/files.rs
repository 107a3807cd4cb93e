//! Files leave the browser only here, and only when the user asks: the file
//! is made in the page (a Blob behind an object URL) and handed to the
//! browser's own download. Nothing is uploaded.

use wasm_bindgen::JsCast;

/// Offers `content` as a download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "could not make the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "could not make the file")?;
    let anchor = document
        .create_element("a")
        .map_err(|_| "could not start the download")?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "could not start the download")?;
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
