//! Pages without questions: how the results are calculated (with the worked
//! example, computed by the core), how privacy is protected, and not found.

use crate::i18n::{lang, t};
use crate::ui::results::{balance_text, signed};
use crate::ui::state::instrument;
use hr_assessment::case::Case;
use hr_assessment::codebook::Codebook;
use hr_assessment::example::{worked_example, WORKED_EXAMPLE};
use hr_assessment::scoring::score_answer;
use hr_assessment::{assess, Polarity, ScaleAnswer};
use leptos::prelude::*;

#[component]
pub fn MethodPage() -> impl IntoView {
    let i = instrument();
    let th = &i.scoring;
    let example = assess(i, &worked_example());
    let example_domains: Vec<_> = example
        .domains
        .iter()
        .filter(|d| !d.items.is_empty())
        .cloned()
        .collect();
    let weakest = example
        .overall
        .weakest
        .as_ref()
        .and_then(|w| i.domain(w))
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let facilitator = signed(th.facilitator_from);
    let mixed_low = signed(th.barrier_to + 1);
    let mixed_high = signed(th.facilitator_from - 1);
    let barrier = signed(th.barrier_to);
    let (strong, somewhat, unknown, plan, chosen) = (
        th.points_strong_barrier,
        th.points_somewhat_barrier,
        th.points_unknown,
        th.points_plan,
        th.points_chosen_area,
    );
    let points = crate::tf!(
        "Each statement points to one or more technical assistance areas. A strong barrier adds {strong} points to each, a barrier {somewhat}, an “I don't know” {unknown}. A service or partner you plan adds {plan}; an area you pick yourself adds {chosen}. ",
        "Cada afirmación remite a una o más áreas de asistencia técnica. Una barrera fuerte suma {strong} puntos a cada una; una barrera, {somewhat}; un “No sé”, {unknown}. Un servicio que planea ofrecer, o un aliado con quien planea trabajar, suma {plan}; un área que usted elija suma {chosen}. "
    );
    let (favoured, disfavoured, wide) = (
        signed(th.modality_favoured),
        signed(th.modality_disfavoured),
        th.wide_change_barrier_domains,
    );
    let ways = crate::tf!(
        "Ways of receiving help: your own top three always come first. Within them and among the rest: {favoured} for each constraint a way suits and {disfavoured} for each it fits badly, {favoured} for individualized TA and a learning collaborative when {wide} or more areas are barriers; ties go to national preference.",
        "Formas de recibir ayuda: sus tres preferidas siempre van primero. Dentro de ellas y entre las demás: {favoured} por cada limitación a la que una forma se adapta y {disfavoured} por cada una a la que se adapta mal, y {favoured} para la AT individualizada y para un colaborativo de aprendizaje cuando {wide} o más áreas son barreras; los empates se resuelven según la preferencia nacional."
    );
    let answered = WORKED_EXAMPLE.len();
    let example_intro = crate::tf!(
        "Someone answers {answered} statements in three domains and leaves the rest blank:",
        "Alguien responde {answered} afirmaciones en tres dominios y deja el resto en blanco:"
    );
    let average = balance_text(example.overall.average);
    let lowest = balance_text(
        example
            .overall
            .weakest
            .as_ref()
            .and_then(|w| example.domain(w))
            .and_then(|d| d.balance),
    );
    let stage = example.overall.stage.label_in(lang()).lower();
    let conclusion = crate::tf!(
        "The average of the three balances is {average}; the weakest link is {weakest} at {lowest}, so the overall stage is {stage}.",
        "El promedio de los tres balances es {average}; el eslabón más débil es {weakest}, con {lowest}, así que la etapa general es {stage}."
    );
    view! {
        <a class="back-link" href="#/results">{t("Back to your results", "Volver a sus resultados")}</a>
        <h1 id="page-heading" tabindex="-1">{t("How is this calculated?", "¿Cómo se calcula?")}</h1>
        <p class="lead">{t("This is the whole method. Nothing else goes into your results, and every number on the results page can be traced to the answers behind it.", "Este es el método completo. Nada más entra en sus resultados, y cada número de la página de resultados se puede rastrear hasta las respuestas que lo originan.")}</p>

        <h2>{t("1. Each answer: facilitator, barrier or unknown", "1. Cada respuesta: facilitador, barrera o por averiguar")}</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label=t("How each answer scores", "Cómo puntúa cada respuesta")>
            <table class="table">
                <caption>{t("How each answer scores", "Cómo puntúa cada respuesta")}</caption>
                <thead><tr>
                    <th scope="col">{t("Answer", "Respuesta")}</th>
                    <th scope="col">{t("Statement worded positively", "Afirmación redactada en sentido positivo")}</th>
                    <th scope="col">{t("Statement worded the other way around", "Afirmación redactada en sentido inverso")}</th>
                </tr></thead>
                <tbody>
                    {ScaleAnswer::ALL.into_iter().map(|a| {
                        let (pc, ps) = score_answer(a, Polarity::Positive);
                        let (nc, ns) = score_answer(a, Polarity::Negative);
                        view! {
                            <tr>
                                <th scope="row">{a.label_in(lang())}</th>
                                <td>{format!("{}, {}", pc.label_in(lang()).lower(), signed(ps))}</td>
                                <td>{format!("{}, {}", nc.label_in(lang()).lower(), signed(ns))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p>
            {t(
                "A few statements are worded the other way around, and say so on screen: agreeing that “the insurers and funders we rely on pay only for abstinence-only programs” describes a barrier. ",
                "Algunas afirmaciones están redactadas en sentido inverso, y así se indica en pantalla: estar de acuerdo con que “las aseguradoras y los financiadores de los que dependemos solo pagan programas que exigen abstinencia total” describe una barrera. "
            )}
            <strong>{t("“I don't know” is never a barrier.", "“No sé” nunca es una barrera.")}</strong>
            {t(
                " It is counted and shown, and when half or more of a domain is “I don't know”, the results suggest finding out first.",
                " Se cuenta y se muestra, y cuando la mitad o más de las respuestas de un dominio son “No sé”, los resultados sugieren averiguar primero."
            )}
        </p>

        <h2>{t("2. Each domain: balance and stage", "2. Cada dominio: balance y etapa")}</h2>
        <p>{t("For each domain (leadership, staff, community, law, policy, funding), the balance runs from −100 to +100 over the answers that are not “I don't know”:", "En cada dominio (liderazgo, personal, comunidad, leyes, políticas, financiamiento), el balance va de −100 a +100 y se calcula con las respuestas que no son “No sé”:")}</p>
        <p class="formula">{t("balance = 100 × (sum of the scores) ÷ (2 × number of known answers), rounded to a whole number", "balance = 100 × (suma de las puntuaciones) ÷ (2 × número de respuestas conocidas), redondeado a un número entero")}</p>
        <ul>
            <li>{crate::tf!("Facilitator: {facilitator} or more", "Facilitador: {facilitator} o más")}</li>
            <li>{crate::tf!("Mixed: between {mixed_low} and {mixed_high}", "Mixto: entre {mixed_low} y {mixed_high}")}</li>
            <li>{crate::tf!("Barrier: {barrier} or less", "Barrera: {barrier} o menos")}</li>
            <li>{t("Not assessed: no known answers", "Sin evaluar: ninguna respuesta conocida")}</li>
        </ul>

        <h2>{t("3. The organization: the weakest link", "3. La organización: el eslabón más débil")}</h2>
        <p>
            {t(
                "One domain near the bottom can hold the whole organization back, however strong the others are. So the overall stage is the stage of the weakest domain (the lowest balance), and the average of the assessed domains is shown beside it.",
                "Un dominio muy bajo puede frenar a toda la organización, por fuertes que sean los demás. Por eso, la etapa general es la etapa del dominio más débil (el balance más bajo), y a su lado se muestra el promedio de los dominios evaluados."
            )}
        </p>

        <h2>{t("4. Recommendations", "4. Recomendaciones")}</h2>
        <p>
            {points}
            {t("Ties go to the TA area more respondents wanted nationally in 2022.", "Los empates se resuelven a favor del área de asistencia técnica que más personas encuestadas pidieron a nivel nacional en 2022.")}
        </p>
        <p>{ways}</p>

        <h2>{t("Worked example", "Ejemplo práctico")}</h2>
        <p>{example_intro}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label=t("The example's answers", "Las respuestas del ejemplo")>
            <table class="table">
                <caption>{t("The example's answers", "Las respuestas del ejemplo")}</caption>
                <thead><tr>
                    <th scope="col">{t("Statement", "Afirmación")}</th><th scope="col">{t("Answer", "Respuesta")}</th><th scope="col">{t("Reads as", "Se lee como")}</th><th scope="col" class="num">{t("Score", "Puntuación")}</th>
                </tr></thead>
                <tbody>
                    {example_domains.iter().flat_map(|d| d.items.clone()).map(|item| {
                        let text = i.question(&item.item).map(|q| q.text().to_owned()).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row" class="table__statement">{text}</th>
                                <td>{item.answer.label_in(lang())}</td>
                                <td>{item.class.label_in(lang())}</td>
                                <td class="num">{signed(item.score)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="table-wrap" tabindex="0" role="region" aria-label=t("The example's areas", "Las áreas del ejemplo")>
            <table class="table">
                <caption>{t("The example's areas", "Las áreas del ejemplo")}</caption>
                <thead><tr>
                    <th scope="col">{t("Area", "Área")}</th><th scope="col">{t("Working", "Cálculo")}</th><th scope="col" class="num">{t("Balance", "Balance")}</th><th scope="col">{t("Stage", "Etapa")}</th>
                </tr></thead>
                <tbody>
                    {example_domains.iter().map(|d| {
                        let name = i.domain(&d.domain).map(|x| x.name.clone()).unwrap_or_default();
                        let working = format!("100 × {} ÷ (2 × {})", signed(d.sum), d.known());
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td>{working}{d.find_out.then_some(t(" — half or more “I don't know”: find out", " — la mitad o más son “No sé”: hay que averiguar"))}</td>
                                <td class="num">{balance_text(d.balance)}</td>
                                <td>{d.stage.label_in(lang())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p>{conclusion}</p>
        <p class="hint">{t("The same method and example are written up in the project's docs/scoring.md; a test checks that the document, this page and the program agree.", "El mismo método y el mismo ejemplo se describen en docs/scoring.md del proyecto (en inglés); una prueba comprueba que el documento, esta página y el programa coinciden.")}</p>

        <h2>{t("The codebook", "El libro de códigos")}</h2>
        <p>
            {t(
                "For researchers and evaluators: the whole questionnaire as data — every statement with its area, wording direction, technical assistance areas and source, the national figures with their sample sizes, and the thresholds above — in one JSON file.",
                "Para investigadores y evaluadores: todo el cuestionario en forma de datos (cada afirmación con su área, el sentido de su redacción, sus áreas de asistencia técnica y su fuente; las cifras nacionales con el tamaño de sus muestras, y los umbrales indicados arriba) en un solo archivo JSON."
            )}
        </p>
        <button type="button" class="button button--secondary" on:click=move |_| {
            let json = Codebook::new(instrument()).to_json();
            let name = format!("harm-reduction-readiness-codebook-{}.json", instrument().version);
            let _ = crate::browser::files::download(&name, "application/json", &json);
        }>{t("Download the codebook (JSON)", "Descargar el libro de códigos (JSON)")}</button>
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <a class="back-link" href="#/">{t("Back to the start", "Volver al inicio")}</a>
        <h1 id="page-heading" tabindex="-1">{t("How your privacy is protected", "Cómo se protege su privacidad")}</h1>
        <p class="lead"><strong>{t("Nothing you enter leaves this browser.", "Nada de lo que escriba sale de este navegador.")}</strong></p>
        <p>
            {t(
                "Harm reduction work is criminalized or contested in many places. Answers about supplies, law enforcement or funding could expose an organization or its staff. So this assessment is built so that it cannot send your answers anywhere.",
                "En muchos lugares, el trabajo de reducción de daños está criminalizado o es objeto de controversia. Las respuestas sobre suministros, las fuerzas del orden o el financiamiento podrían exponer a una organización o a su personal. Por eso, esta evaluación está hecha de modo que no puede enviar sus respuestas a ningún lugar."
            )}
        </p>
        <h2>{t("What happens to your answers", "Qué pasa con sus respuestas")}</h2>
        <ul>
            <li>{t("They are kept in this browser's own storage on this device (called local storage), and nowhere else.", "Se guardan en el propio almacenamiento de este navegador, en este dispositivo (el llamado “almacenamiento local”), y en ningún otro lugar.")}</li>
            <li>{t("There is no server behind this page, no account, no cookies, no analytics and no advertising.", "Detrás de esta página no hay servidor, ni cuenta, ni cookies, ni analítica, ni publicidad.")}</li>
            <li>{t("They leave this device only if you print your results or save them to a file yourself.", "Solo salen de este dispositivo si usted imprime sus resultados o los guarda en un archivo por su cuenta.")}</li>
        </ul>
        <h2>{t("How this is enforced", "Cómo se hace cumplir")}</h2>
        <ul>
            <li>
                {t(
                    "The page carries a Content Security Policy, a rule the browser itself enforces. It forbids loading anything from, or sending anything to, any other website: no fonts, scripts, images or connections from elsewhere, and no forms that submit.",
                    "La página lleva una política de seguridad de contenido (Content Security Policy), una regla que el propio navegador hace cumplir. Prohíbe cargar nada desde cualquier otro sitio web y enviarle nada: ni fuentes, ni scripts, ni imágenes, ni conexiones de otros lugares, ni formularios que envíen datos."
                )}
            </li>
            <li>{t("The app contains no code that sends data over the network. Every automated test of the app fails if the page makes a single request to another website.", "La aplicación no contiene código que envíe datos por la red. Todas las pruebas automatizadas de la aplicación fallan si la página hace una sola solicitud a otro sitio web.")}</li>
            <li>{t("The source code is open for anyone to check.", "El código fuente es abierto: cualquier persona puede revisarlo.")}</li>
        </ul>
        <h2>{t("Extra protection you can choose", "Protección adicional que puede elegir")}</h2>
        <ul>
            <li>
                <strong>{t("A passphrase.", "Una frase de contraseña.")}</strong>
                {t(
                    " Your saved assessments are then stored encrypted (AES-GCM-256, with a key made from your passphrase by PBKDF2 with 600,000 rounds). The key is kept only while this tab is open and unlocked; it is never stored. ",
                    " Así, sus evaluaciones guardadas se almacenan cifradas (AES-GCM-256, con una clave derivada de su frase de contraseña mediante PBKDF2 con 600,000 iteraciones). La clave se conserva solo mientras esta pestaña esté abierta y desbloqueada; nunca se guarda. "
                )}
                <a href="#/protect">{t("Passphrase protection", "Protección con frase de contraseña")}</a>
            </li>
            <li>
                <strong>{t("Quick exit.", "Salida rápida.")}</strong>
                {t(
                    " The yellow button at the top of every page, or pressing Shift three times, replaces this page with a neutral one at once — and, if you choose, deletes everything first.",
                    " El botón amarillo en la parte superior de cada página, o pulsar Shift (Mayús) tres veces, reemplaza al instante esta página por otra neutral y, si usted lo elige, antes borra todo."
                )}
            </li>
            <li>
                <strong>{t("Delete everything.", "Borrar todo.")}</strong>
                {t(" On ", " En ")}
                <a href="#/assessments">{t("Your saved assessments", "Sus evaluaciones guardadas")}</a>
                {t(" you can delete one assessment or everything this app has stored.", " puede borrar una evaluación o todo lo que esta aplicación ha guardado.")}
            </li>
        </ul>
        <h2>{t("What this does not protect against", "Contra qué no protege")}</h2>
        <ul>
            <li>{t("Without a passphrase, someone who can use this device and this browser profile can open the assessment and see your answers.", "Sin frase de contraseña, cualquier persona que pueda usar este dispositivo y este perfil del navegador puede abrir la evaluación y ver sus respuestas.")}</li>
            <li>{t("A passphrase that is easy to guess. Use several unrelated words. If you forget it, the saved assessments cannot be recovered.", "Una frase de contraseña fácil de adivinar. Use varias palabras sin relación entre sí. Si la olvida, las evaluaciones guardadas no se pueden recuperar.")}</li>
            <li>{t("Someone using the browser while it is unlocked, malware on the device, or browser extensions you have installed: they can read pages you visit.", "Alguien que use el navegador mientras está desbloqueado, software malicioso en el dispositivo o extensiones del navegador que usted haya instalado: pueden leer las páginas que visita.")}</li>
            <li>{t("Your browsing history: quick exit cannot erase it. Use a private window if that matters.", "Su historial de navegación: la salida rápida no puede borrarlo. Si eso le importa, use una ventana privada.")}</li>
            <li>{t("Files you export or print are yours to keep safe; only the encrypted download is protected.", "Los archivos que exporte o imprima quedan bajo su cuidado; solo la descarga cifrada está protegida.")}</li>
        </ul>
        <p>{t("The full threat model is in the project's docs/privacy.md.", "El modelo de amenazas completo está en docs/privacy.md del proyecto (en inglés).")}</p>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1 id="page-heading" tabindex="-1">{t("Page not found", "Página no encontrada")}</h1>
        <p>{t("There is no page at this address. Your answers are safe.", "No hay ninguna página en esta dirección. Sus respuestas están a salvo.")}</p>
        <p><a href="#/">{t("Go to the start page", "Ir a la página de inicio")}</a></p>
    }
}

/// Continues with answers carried in a link (`#/resume/<code>`): they become
/// a new saved assessment, and the code leaves the address and history.
#[component]
pub fn ResumePage(code: String) -> impl IntoView {
    let s = crate::ui::state::session();
    let result = hr_assessment::code::decode(instrument(), &code);
    crate::browser::dom::replace_hash(&crate::ui::route::Route::Check.href());
    match result {
        Ok(responses) => {
            let mut record = crate::ui::state::new_record();
            record.responses = responses;
            s.add_imported(record);
            s.notice.set(Some(
                t(
                    "Your answers from the embedded page are now saved on this device.",
                    "Sus respuestas de la página insertada ya están guardadas en este dispositivo.",
                )
                .into(),
            ));
        }
        Err(e) => {
            let e = e.message(lang());
            s.notice.set(Some(crate::tf!(
                "The answers in that link could not be used: {e}",
                "No se pudieron usar las respuestas de ese enlace: {e}"
            )))
        }
    }
    s.route.set(crate::ui::route::Route::Check);
    view! { <crate::ui::check::CheckPage/> }
}
