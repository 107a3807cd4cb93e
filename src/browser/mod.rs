//! The only code that touches the browser's APIs beyond rendering: storage,
//! the clock, focus and titles, printing. The views call these; the pure core
//! never does.

pub mod camera;
pub mod crypto;
pub mod dom;
pub mod files;
pub mod keep;
pub mod storage;
pub mod texts;

/// Now, as an ISO 8601 timestamp (UTC).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The locale dates are written in: the interface language's.
fn locale_of(lang: hr_assessment::Lang) -> &'static str {
    hr_assessment::pick!(lang, "en-GB", "es-US")
}

/// A human date for "Assessment of 21 November 2026" ("Evaluación del 21 de
/// noviembre de 2026"), in a given language and the browser's time zone.
pub fn today_label(lang: hr_assessment::Lang) -> String {
    day_label(&js_sys::Date::new_0(), lang)
}

/// The same for the day of an ISO timestamp, in a given language; the
/// timestamp itself if it is not one.
pub fn date_label(iso: &str, lang: hr_assessment::Lang) -> String {
    let date = js_sys::Date::new(&iso.into());
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    day_label(&date, lang)
}

fn day_label(date: &js_sys::Date, lang: hr_assessment::Lang) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    String::from(date.to_locale_date_string(locale_of(lang), &options))
}

/// A formatted date and time from an ISO timestamp, in a given language:
/// "21 November 2026, 14:05", "21 de noviembre de 2026, 2:05 p. m.".
pub fn format_timestamp(iso: &str, lang: hr_assessment::Lang) -> String {
    let date = js_sys::Date::new(&iso.into());
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let options = js_sys::Object::new();
    for (key, value) in [
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    String::from(date.to_locale_string(locale_of(lang), &options))
}

/// A random id for a new assessment (not a secret; only unique per browser).
pub fn new_id() -> String {
    let a = (js_sys::Math::random() * 2f64.powi(52)) as u64;
    let b = js_sys::Date::now() as u64;
    format!("{b:x}-{a:x}")
}

/// Milliseconds from a monotonic clock, for measuring work in the page.
/// The browser's language (`navigator.language`), or "" if it says none.
pub fn language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}
