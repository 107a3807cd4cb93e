//! Answer codes as QR codes: the participant's results page shows theirs
//! (`AnswerQr`), and the facilitator's team view reads them with the
//! device's camera (`ScanCodes`). A scanned code takes the same way in as a
//! pasted one (`Team::add_code`: the same checks, the same refusal of a code
//! already added, the same size cap). `docs/privacy.md` ("The camera") says
//! what happens to the camera's picture: nothing is kept.

use crate::browser::{self, camera};
use crate::i18n::t;
use hr_assessment::qr::{self, Repeats};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// One answer code as a QR code: dark modules on white, with the quiet zone,
/// whatever the colour scheme. Holds exactly the code the page shows, which
/// the team view's "Answer codes" box takes too.
#[component]
pub fn AnswerQr(code: String) -> impl IntoView {
    qr::picture(&code).map(|p| {
        let side = p.side;
        view! {
            <svg class="answer-qr" viewBox=format!("0 0 {side} {side}") role="img"
                aria-label=t!("Your answer code as a QR code, for the facilitator's camera", "Su código de respuestas como código QR, para la cámara de la persona facilitadora")>
                <rect width=side height=side fill="#fff"/>
                <path d=p.path fill="#000"/>
            </svg>
        }
    })
}

/// Where a scan is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Off,
    Starting,
    On,
}

/// Frames looked at per second, at most (one every this many ms).
const FRAME_MS: u64 = 150;
/// Messages kept on screen (the newest last).
const KEEP: usize = 5;

/// "Scan codes": the camera's picture, read several times a second; each
/// code read adds its respondent, with a message in a polite live region.
///
/// `add` takes a code read and adds its respondent the way a pasted code is
/// added, giving back the label of the respondent added (in the current
/// language: "Respondent 3", "Participante 3") or why not: the
/// team view passes it, so this panel needs nothing else of the team's.
#[component]
pub fn ScanCodes(add: Callback<String, Result<String, String>>) -> impl IntoView {
    let phase = RwSignal::new(Phase::Off);
    let messages = RwSignal::new(Vec::<(bool, String)>::new()); // (is_error, text)
    let video_ref = NodeRef::<leptos::html::Video>::new();
    let stream = StoredValue::new_local(None::<web_sys::MediaStream>);
    let canvas = StoredValue::new_local(None::<web_sys::HtmlCanvasElement>);
    let detector = StoredValue::new_local(None::<wasm_bindgen::JsValue>);
    let timer = StoredValue::new_local(None::<IntervalHandle>);
    let repeats = StoredValue::new_local(Repeats::default());
    let busy = StoredValue::new_local(false);

    let say = move |error: bool, text: String| {
        messages.update(|m| {
            m.push((error, text));
            if m.len() > KEEP {
                m.remove(0);
            }
        });
    };
    // Releases the camera; safe to call at any time, also while the
    // component is being taken down (it sets no signal, so nothing redraws
    // from a view half taken down).
    let release = move || {
        if let Some(Some(handle)) = timer.try_update_value(Option::take) {
            handle.clear();
        }
        let video = video_ref.try_get_untracked().flatten();
        if let Some(Some(s)) = stream.try_update_value(Option::take) {
            camera::close(&s, video.as_ref());
        }
        if let Some(Some(c)) = canvas.try_update_value(Option::take) {
            camera::forget_frames(&c);
        }
    };
    let stop = move || {
        release();
        let _ = phase.try_set(Phase::Off);
    };
    // Leaving the team view (another page, the kiosk's reset) releases it.
    on_cleanup(release);
    // So does the page going out of sight (another tab, another program, the
    // screen locked): a camera left on where nobody sees it is not what a
    // facilitator expects, and the browser may stop its picture anyway.
    let hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() && phase.try_get_untracked().is_some_and(|p| p != Phase::Off) {
            stop();
            say(
                false,
                t!(
                    "Scanning stopped while this page was out of sight, and the camera is off. Choose \"Scan codes\" to go on.",
                    "El escaneo se detuvo mientras esta página no estaba a la vista, y la cámara está apagada. Elija «Escanear códigos» para seguir."
                )
                .to_owned(),
            );
        }
    });
    on_cleanup(move || hidden.remove());

    let take = move |text: String| match add.run(text) {
        Ok(label) => say(false, crate::tf!("Added {label}.", "Se agregó a {label}.")),
        Err(e) => say(true, crate::tf!("Scanned code: {e}", "Código escaneado: {e}")),
    };
    let tick = move || {
        if busy.try_get_value() != Some(false) {
            return;
        }
        let Some(Some(video)) = video_ref.try_get_untracked() else {
            return;
        };
        busy.set_value(true);
        spawn_local(async move {
            let mut found = None;
            if let Some(Some(d)) = detector.try_get_value() {
                found = camera::detect(&d, &video).await;
                if found.is_none() {
                    // It failed: the Rust decoder reads from now on.
                    let _ = detector.try_set_value(None);
                }
            }
            let found = match found {
                Some(f) => f,
                None => canvas
                    .try_with_value(|c| c.as_ref().map(|c| camera::read_frame(&video, c)))
                    .flatten()
                    .unwrap_or_default(),
            };
            let now = browser::now_ms();
            if phase.try_get_untracked() == Some(Phase::On) {
                for text in repeats.try_update_value(|r| r.frame(found, now)).unwrap_or_default() {
                    take(text);
                }
            }
            let _ = busy.try_set_value(false);
        });
    };
    let start = move || {
        messages.set(Vec::new());
        phase.set(Phase::Starting);
        repeats.update_value(Repeats::clear);
        spawn_local(async move {
            let Some(Some(video)) = video_ref.try_get_untracked() else {
                return;
            };
            let opened = camera::open(&video).await;
            match opened {
                // Stopped, or the page left, while the browser was asking.
                Ok(s) if phase.try_get_untracked() != Some(Phase::Starting) => camera::close(&s, Some(&video)),
                Ok(s) => {
                    stream.set_value(Some(s));
                    canvas.set_value(camera::canvas());
                    detector.set_value(camera::detector());
                    busy.set_value(false);
                    timer.set_value(set_interval_with_handle(tick, Duration::from_millis(FRAME_MS)).ok());
                    phase.set(Phase::On);
                }
                Err(e) => {
                    if phase.try_get_untracked() == Some(Phase::Starting) {
                        phase.set(Phase::Off);
                        say(true, camera_message(e).to_owned());
                    }
                }
            }
        });
    };

    view! {
        <div class="inline-form scan">
            <p class="label" id="scan-title">{t!("Scan QR codes", "Escanear códigos QR")}</p>
            <p class="hint" id="scan-hint">{t!(
                "Each person holds the QR code from the end of their results page up to this device's camera. The picture is read in this browser, several times a second, and never recorded or kept; stopping turns the camera off.",
                "Cada persona muestra a la cámara de este dispositivo el código QR del final de su página de resultados. La imagen se lee en este navegador, varias veces por segundo, y nunca se graba ni se guarda; al detener, la cámara se apaga."
            )}</p>
            <div class="button-group">
                <button type="button" class="button button--secondary" id="team-scan" aria-describedby="scan-hint"
                    on:click=move |_| if phase.get_untracked() == Phase::Off { start() } else { stop() }>
                    {move || if phase.get() == Phase::Off { t!("Scan codes", "Escanear códigos") } else { t!("Stop scanning", "Dejar de escanear") }}
                </button>
            </div>
            <video class="scan__video" node_ref=video_ref aria-hidden="true" muted playsinline
                prop:hidden=move || phase.get() == Phase::Off></video>
            <div role="status" aria-live="polite" class="scan__status">
                {move || match phase.get() {
                    Phase::Starting => Some(view! { <p>{t!("Starting the camera…", "Encendiendo la cámara…")}</p> }),
                    Phase::On => Some(view! { <p>{t!("The camera is on: hold a QR code in front of it.", "La cámara está encendida: ponga un código QR delante de ella.")}</p> }),
                    Phase::Off => None,
                }}
                {move || messages.get().into_iter().map(|(error, text)| {
                    if error {
                        view! { <p class="field-error">{text}</p> }.into_any()
                    } else {
                        view! { <p class="notice notice--success">{text}</p> }.into_any()
                    }
                }).collect_view()}
            </div>
        </div>
    }
}

/// What the facilitator reads when the camera cannot be used; pasting
/// always stays open.
fn camera_message(e: camera::CameraError) -> &'static str {
    match e {
        camera::CameraError::Denied => t!(
            "The camera is not allowed for this page, so codes cannot be scanned. Paste the answer codes above instead, or allow the camera in the browser's settings for this site and try again.",
            "La cámara no está permitida para esta página, así que no se pueden escanear códigos. Pegue los códigos de respuestas arriba, o permita la cámara en la configuración del navegador para este sitio y vuelva a intentarlo.",
        ),
        camera::CameraError::Missing => t!(
            "No camera was found on this device. Paste the answer codes above instead.",
            "No se encontró ninguna cámara en este dispositivo. Pegue los códigos de respuestas arriba.",
        ),
        camera::CameraError::Busy => t!(
            "The camera could not be started: another program may be using it. Close that program and try again, or paste the answer codes above.",
            "No se pudo encender la cámara: puede que otro programa la esté usando. Cierre ese programa y vuelva a intentarlo, o pegue los códigos de respuestas arriba.",
        ),
        camera::CameraError::Unavailable => t!(
            "This browser does not let this page use a camera. Paste the answer codes above instead.",
            "Este navegador no permite que esta página use una cámara. Pegue los códigos de respuestas arriba.",
        ),
    }
}
