//! The warning beside every download on a kiosk: the file outlives the
//! reset. The results page and the action plan both offer downloads.

use crate::i18n::t;
use crate::ui::state::use_shell;
use leptos::prelude::*;

/// Where a download is offered on a kiosk: the file outlives the reset.
#[component]
pub fn DownloadNote() -> impl IntoView {
    use_shell().modes.kiosk.then(|| {
        view! {
            <p class="notice notice--warning no-print">
                <strong>{t!("On a shared device, a downloaded file stays behind.", "En un dispositivo compartido, un archivo descargado se queda.")}</strong>
                {t!(" It goes to this device's Downloads folder, where the next person can open it; starting over does not delete it. Delete it from there before you leave, or print or save as PDF to a device of your own instead.", " Se guarda en la carpeta de descargas de este dispositivo, donde la próxima persona puede abrirlo; empezar de nuevo no lo borra. Bórrelo de allí antes de irse, o en su lugar imprima o guarde como PDF en un dispositivo suyo.")}
            </p>
        }
    })
}
