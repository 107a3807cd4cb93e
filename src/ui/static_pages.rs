//! Pages without questions: how the results are calculated (with the worked
//! example, computed by the core), how privacy is protected, and not found.

use crate::i18n::{lang, t};
use crate::ui::format::balance_text;
use crate::ui::state::instrument;
use hr_assessment::case::Case;
use hr_assessment::codebook::Codebook;
use hr_assessment::example::{worked_example, WORKED_EXAMPLE};
use hr_assessment::numbers::signed;
use hr_assessment::scoring::score_answer;
use hr_assessment::{assess, Polarity, ScaleAnswer};
use leptos::prelude::*;

#[component]
pub fn MethodPage() -> impl IntoView {
    let download_failed = RwSignal::new(None::<String>);
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
    let (missing, known_percent) = (th.points_missing_service, th.known_for_stage_percent);
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
        "Each statement points to one or more technical assistance areas. A strong barrier adds {strong} points to each, a barrier {somewhat}, an “I don't know” {unknown}, a facilitator nothing. A service or partner you plan adds {plan}; a core harm reduction service (naloxone, fentanyl test strips, syringe services) you neither provide nor plan adds {missing}; a TA area you pick yourself adds {chosen}. TA areas are ranked by need: their points as a share of the most the same evidence could give ({strong} for each answered statement, facilitators included), so a TA area does not rise just because more statements point to it. ",
        "Cada afirmación remite a una o más áreas de asistencia técnica. Una barrera fuerte suma {strong} puntos a cada una; una barrera, {somewhat}; un “No sé”, {unknown}; un facilitador, nada. Un servicio que planea ofrecer, o un aliado con quien planea trabajar, suma {plan}; un servicio básico de reducción de daños (naloxona, tiras reactivas de fentanilo, servicios de jeringas) que no ofrece ni tiene previsto suma {missing}; un área de asistencia técnica que usted elija suma {chosen}. Las áreas de asistencia técnica se ordenan según la necesidad: sus puntos como parte del máximo que podría dar la misma evidencia ({strong} por cada afirmación respondida, facilitadores incluidos), así que un área de asistencia técnica no sube solo porque más afirmaciones apuntan a ella. "
    );
    let (favoured, disfavoured, wide) = (
        signed(th.modality_favoured),
        signed(th.modality_disfavoured),
        th.wide_change_barrier_domains,
    );
    let ways = crate::tf!(
        "Ways of receiving help: your own top three always come first. Within them and among the rest: {favoured} for each constraint a way suits and {disfavoured} for each it fits badly, {favoured} for individualized TA and a learning collaborative when {wide} or more domains are barriers; ties go to national preference.",
        "Formas de recibir ayuda: sus tres preferidas siempre van primero. Dentro de ellas y entre las demás: {favoured} por cada limitación a la que una forma se adapta y {disfavoured} por cada una a la que se adapta mal, y {favoured} para la AT individualizada y para un colaborativo de aprendizaje cuando {wide} o más dominios son barreras; los empates se resuelven según la preferencia nacional."
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
    let context = example.overall.context.stage.label_in(lang()).lower();
    let assessed = example.overall.assessed;
    let conclusion = crate::tf!(
        "The average of the {assessed} domains with enough answers is {average}. Among the organization's own domains the weakest link is {weakest} at {lowest}, so the organization's own stage is {stage}; its context reads {context}.",
        "El promedio de los {assessed} dominios con suficientes respuestas es {average}. Entre los dominios propios de la organización, el eslabón más débil es {weakest}, con {lowest}, así que la etapa de la organización es {stage}; su entorno se lee como {context}."
    );
    view! {
        <a class="back-link" href="#/results">{t!("Back to your results", "Volver a sus resultados")}</a>
        <h1 id="page-heading" tabindex="-1">{t!("How is this calculated?", "¿Cómo se calcula?")}</h1>
        <p class="lead">{t!("This is the whole method. Nothing else goes into your results, and every number on the results page can be traced to the answers behind it.", "Este es el método completo. Nada más entra en sus resultados, y cada número de la página de resultados se puede rastrear hasta las respuestas que lo originan.")}</p>
        <p>
            <strong>{t!("This is not a validated instrument.", "Este no es un instrumento validado.")}</strong>
            {t!(
                " It is a structured way to discuss readiness, built on the 2022 national survey of mental health and substance use treatment organizations and on readiness research: R=MC² (readiness = motivation × general capacity × innovation-specific capacity, so a weak component holds the rest back), ORIC (organizational readiness for implementing change) and CFIR (which tells an organization's inner setting from its outer setting). Its thresholds are conventions for discussion, not validated cut-offs.",
                " Es una forma estructurada de conversar sobre la preparación, basada en la encuesta nacional de 2022 a organizaciones de tratamiento de salud mental y de uso de sustancias y en investigaciones sobre la preparación: R=MC² (preparación = motivación × capacidad general × capacidad específica para la innovación, así que un componente débil frena a los demás), ORIC (preparación organizacional para implementar cambios) y CFIR (que distingue el entorno interno de una organización de su entorno externo). Sus umbrales son convenciones para conversar, no puntos de corte validados."
            )}
        </p>

        <h2>{t!("1. Each answer: facilitator, barrier or unknown", "1. Cada respuesta: facilitador, barrera o por averiguar")}</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label=t!("How each answer scores", "Cómo puntúa cada respuesta")>
            <table class="table">
                <caption>{t!("How each answer scores", "Cómo puntúa cada respuesta")}</caption>
                <thead><tr>
                    <th scope="col">{t!("Answer", "Respuesta")}</th>
                    <th scope="col">{t!("Statement worded positively", "Afirmación redactada en sentido positivo")}</th>
                    <th scope="col">{t!("Statement worded the other way around", "Afirmación redactada en sentido inverso")}</th>
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
            {t!(
                "A few statements are worded the other way around, and say so on screen: agreeing that “the insurers and funders we rely on pay only for abstinence-only programs” describes a barrier. ",
                "Algunas afirmaciones están redactadas en sentido inverso, y así se indica en pantalla: estar de acuerdo con que “las aseguradoras y los financiadores de los que dependemos solo pagan programas que exigen abstinencia total” describe una barrera. "
            )}
            <strong>{t!("“I don't know” is never a barrier.", "“No sé” nunca es una barrera.")}</strong>
            {t!(
                " It is counted and shown, but it is not a known answer.",
                " Se cuenta y se muestra, pero no es una respuesta conocida."
            )}
        </p>

        <h2>{t!("2. Each domain: balance and stage", "2. Cada dominio: balance y etapa")}</h2>
        <p>{t!("For each domain (leadership, staff, community, law, policy, funding), the balance runs from −100 to +100 over the answers that are not “I don't know”:", "En cada dominio (liderazgo, personal, comunidad, leyes, políticas, financiamiento), el balance va de −100 a +100 y se calcula con las respuestas que no son “No sé”:")}</p>
        <p class="formula">{t!("balance = 100 × (sum of the scores) ÷ (2 × number of known answers), rounded to a whole number", "balance = 100 × (suma de las puntuaciones) ÷ (2 × número de respuestas conocidas), redondeado a un número entero")}</p>
        <ul>
            <li>{crate::tf!("Facilitator: {facilitator} or more", "Facilitador: {facilitator} o más")}</li>
            <li>{crate::tf!("Mixed: between {mixed_low} and {mixed_high}", "Mixto: entre {mixed_low} y {mixed_high}")}</li>
            <li>{crate::tf!("Barrier: {barrier} or less", "Barrera: {barrier} o menos")}</li>
            <li>{crate::tf!(
                "Not enough answers: fewer than {known_percent}% of the domain's statements have a known answer. Statements answered “I don't know” and statements skipped both count against it, so one or two answers cannot decide a domain. Such a domain has no stage, cannot be the weakest link, and the results suggest finding out first.",
                "Respuestas insuficientes: menos del {known_percent}% de las afirmaciones del dominio tiene una respuesta conocida. Las respondidas con “No sé” y las que quedaron sin responder cuentan por igual, así que una o dos respuestas no pueden decidir un dominio. Ese dominio no recibe etapa, no puede ser el eslabón más débil, y los resultados sugieren averiguar primero."
            )}</li>
        </ul>
        <p>{t!(
            "Why these cut-offs: they split the range from −100 to +100 into three bands of nearly equal width, a third of the range each. A domain leans clearly one way only when its balance is in the outer thirds.",
            "Por qué estos umbrales: dividen el rango de −100 a +100 en tres franjas de anchura casi igual, un tercio del rango cada una. Un dominio se inclina claramente hacia un lado solo cuando su balance está en los tercios exteriores."
        )}</p>

        <h2>{t!("3. Two readings: the organization and its context", "3. Dos lecturas: la organización y su entorno")}</h2>
        <p>
            {t!(
                "Each statement is about the organization itself (its leaders, staff, own policies and own resources) or about its context (law, community attitudes, payers and health agencies); the questionnaire says which. Leadership and staff are about the organization, community about its context. Three domains have statements on both sides:",
                "Cada afirmación trata de la propia organización (su liderazgo, su personal, sus políticas y sus recursos propios) o de su entorno (leyes, actitudes de la comunidad, pagadores y agencias de salud); el cuestionario indica cuál. Liderazgo y personal tratan de la organización; comunidad, de su entorno. Tres dominios tienen afirmaciones de los dos lados:"
            )}
        </p>
        <ul>
            <li>{t!("Law: the law itself is context; what your staff know of it is the organization's.", "Leyes: la ley misma es el entorno; lo que su personal sabe de ella es de la organización.")}</li>
            <li>{t!("Policy: your own policies are the organization's; whether health agencies support harm reduction is context.", "Políticas: sus propias políticas son de la organización; si las agencias de salud apoyan la reducción de daños es el entorno.")}</li>
            <li>{t!("Funding: payers and the funding available outside the organization are context; your own budget and plans are the organization's.", "Financiamiento: los pagadores y el financiamiento disponible fuera de la organización son el entorno; su propio presupuesto y sus planes son de la organización.")}</li>
        </ul>
        <p>
            {t!(
                "One domain near the bottom can hold the whole organization back, however strong the others are. So the organization's reading is the stage of its weakest own domain (the lowest balance among the domains with enough answers). Its context is read the same way, apart: it names what to work around, plan for or advocate about, and never makes the organization's own reading a barrier. The average of the domains with enough answers is shown beside them.",
                "Un dominio muy bajo puede frenar a toda la organización, por fuertes que sean los demás. Por eso, la lectura de la organización es la etapa de su dominio propio más débil (el balance más bajo entre los dominios con suficientes respuestas). Su entorno se lee de la misma manera, aparte: indica lo que hay que sortear, prever o sobre lo que abogar, y nunca convierte en barrera la lectura de la propia organización. A su lado se muestra el promedio de los dominios con suficientes respuestas."
            )}
        </p>

        <h2>{t!("4. Recommendations", "4. Recomendaciones")}</h2>
        <p>
            {points}
            {t!("Ties go to the TA area more respondents wanted nationally in 2022.", "Los empates se resuelven a favor del área de asistencia técnica que más personas encuestadas pidieron a nivel nacional en 2022.")}
        </p>
        <p>{crate::tf!(
            "Find out first: a domain where fewer than {known_percent}% of the statements have a known answer (the rest answered “I don't know” or skipped) gets a suggestion of what to find out, and from whom.",
            "Primero, averigüe: un dominio en el que menos del {known_percent}% de las afirmaciones tiene una respuesta conocida (las demás respondidas con “No sé” o sin responder) recibe una sugerencia de qué averiguar y a quién preguntar."
        )}</p>
        <p>{ways}</p>

        <h2>{t!("Worked example", "Ejemplo práctico")}</h2>
        <p>{example_intro}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label=t!("The example's answers", "Las respuestas del ejemplo")>
            <table class="table">
                <caption>{t!("The example's answers", "Las respuestas del ejemplo")}</caption>
                <thead><tr>
                    <th scope="col">{t!("Statement", "Afirmación")}</th><th scope="col">{t!("Answer", "Respuesta")}</th><th scope="col">{t!("Reads as", "Se lee como")}</th><th scope="col" class="num">{t!("Score", "Puntuación")}</th>
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
        <div class="table-wrap" tabindex="0" role="region" aria-label=t!("The example's domains", "Los dominios del ejemplo")>
            <table class="table">
                <caption>{t!("The example's domains", "Los dominios del ejemplo")}</caption>
                <thead><tr>
                    <th scope="col">{t!("Domain", "Dominio")}</th><th scope="col">{t!("Working", "Cálculo")}</th><th scope="col" class="num">{t!("Balance", "Balance")}</th><th scope="col">{t!("Stage", "Etapa")}</th>
                </tr></thead>
                <tbody>
                    {example_domains.iter().map(|d| {
                        let name = i.domain(&d.domain).map(|x| x.name.clone()).unwrap_or_default();
                        let working = format!("100 × {} ÷ (2 × {})", signed(d.sum), d.known());
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td>{working}{d.find_out.then_some(t!(" — fewer than half of its statements have a known answer: find out", " — menos de la mitad de sus afirmaciones tiene una respuesta conocida: hay que averiguar"))}</td>
                                <td class="num">{balance_text(d.balance)}</td>
                                <td>{d.stage.label_in(lang())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p>{conclusion}</p>
        <p class="hint">{t!("The same method and example are written up in the project's docs/scoring.md; a test checks that the document, this page and the program agree.", "El mismo método y el mismo ejemplo se describen en docs/scoring.md del proyecto (en inglés); una prueba comprueba que el documento, esta página y el programa coinciden.")}</p>

        <h2>{t!("The codebook", "El libro de códigos")}</h2>
        <p>
            {t!(
                "For researchers and evaluators: the whole questionnaire as data — every statement with its area, wording direction, technical assistance areas and source, the national figures with their sample sizes, and the thresholds above — in one JSON file.",
                "Para investigadores y evaluadores: todo el cuestionario en forma de datos (cada afirmación con su área, el sentido de su redacción, sus áreas de asistencia técnica y su fuente; las cifras nacionales con el tamaño de sus muestras, y los umbrales indicados arriba) en un solo archivo JSON."
            )}
        </p>
        <button type="button" class="button button--secondary" on:click=move |_| {
            let json = Codebook::new(instrument()).to_json();
            let name = format!("harm-reduction-readiness-codebook-{}.json", instrument().version);
            crate::ui::exports::offer(download_failed, &name, "application/json", &json);
        }>{t!("Download the codebook (JSON)", "Descargar el libro de códigos (JSON)")}</button>
        <crate::ui::exports::DownloadFailed failed=download_failed/>
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <a class="back-link" href="#/">{t!("Back to the start", "Volver al inicio")}</a>
        <h1 id="page-heading" tabindex="-1">{t!("How your privacy is protected", "Cómo se protege su privacidad")}</h1>
        <p class="lead"><strong>{t!("Nothing you enter leaves this browser.", "Nada de lo que escriba sale de este navegador.")}</strong></p>
        <p>
            {t!(
                "Harm reduction work is criminalized or contested in many places. Answers about supplies, law enforcement or funding could expose an organization or its staff. So this assessment is built so that it cannot send your answers anywhere.",
                "En muchos lugares, el trabajo de reducción de daños está criminalizado o es objeto de controversia. Las respuestas sobre suministros, las fuerzas del orden o el financiamiento podrían exponer a una organización o a su personal. Por eso, esta evaluación está hecha de modo que no puede enviar sus respuestas a ningún lugar."
            )}
        </p>
        <h2>{t!("What happens to your answers", "Qué pasa con sus respuestas")}</h2>
        <ul>
            <li>{t!("They are kept in this browser's own storage on this device (called local storage), and nowhere else.", "Se guardan en el propio almacenamiento de este navegador, en este dispositivo (el llamado “almacenamiento local”), y en ningún otro lugar.")}</li>
            <li>{t!("There is no server behind this page, no account, no cookies, no analytics and no advertising.", "Detrás de esta página no hay servidor, ni cuenta, ni cookies, ni analítica, ni publicidad.")}</li>
            <li>{t!("They leave this device only if you print your results or save them to a file yourself.", "Solo salen de este dispositivo si usted imprime sus resultados o los guarda en un archivo por su cuenta.")}</li>
        </ul>
        <h2>{t!("How this is enforced", "Cómo se hace cumplir")}</h2>
        <ul>
            <li>
                {t!(
                    "The page carries a Content Security Policy, a rule the browser itself enforces. It forbids loading anything from, or sending anything to, any other website: no fonts, scripts, images or connections from elsewhere, and no forms that submit.",
                    "La página lleva una política de seguridad de contenido (Content Security Policy), una regla que el propio navegador hace cumplir. Prohíbe cargar nada desde cualquier otro sitio web y enviarle nada: ni fuentes, ni scripts, ni imágenes, ni conexiones de otros lugares, ni formularios que envíen datos."
                )}
            </li>
            <li>{t!("The app contains no code that sends data over the network. Every automated test of the app fails if the page makes a single request to another website.", "La aplicación no contiene código que envíe datos por la red. Todas las pruebas automatizadas de la aplicación fallan si la página hace una sola solicitud a otro sitio web.")}</li>
            <li>{t!("The source code is open for anyone to check.", "El código fuente es abierto: cualquier persona puede revisarlo.")}</li>
        </ul>
        <h2>{t!("Extra protection you can choose", "Protección adicional que puede elegir")}</h2>
        <ul>
            <li>
                <strong>{t!("A passphrase.", "Una frase de contraseña.")}</strong>
                {t!(
                    " Your saved assessments are then stored encrypted (AES-GCM-256, with a key made from your passphrase by PBKDF2 with 600,000 rounds). The key is kept only while this tab is open and unlocked; it is never stored. ",
                    " Así, sus evaluaciones guardadas se almacenan cifradas (AES-GCM-256, con una clave derivada de su frase de contraseña mediante PBKDF2 con 600,000 iteraciones). La clave se conserva solo mientras esta pestaña esté abierta y desbloqueada; nunca se guarda. "
                )}
                <a href="#/protect">{t!("Passphrase protection", "Protección con frase de contraseña")}</a>
            </li>
            <li>
                <strong>{t!("Quick exit.", "Salida rápida.")}</strong>
                {t!(
                    " The yellow button at the top of every page, or pressing Shift three times, replaces this page with a neutral one at once — and, if you choose, deletes everything first.",
                    " El botón amarillo en la parte superior de cada página, o pulsar Shift (Mayús) tres veces, reemplaza al instante esta página por otra neutral y, si usted lo elige, antes borra todo."
                )}
            </li>
            <li>
                <strong>{t!("Delete everything.", "Borrar todo.")}</strong>
                {t!(" On ", " En ")}
                <a href="#/assessments">{t!("Your saved assessments", "Sus evaluaciones guardadas")}</a>
                {t!(" you can delete one assessment or everything this app has stored.", " puede borrar una evaluación o todo lo que esta aplicación ha guardado.")}
            </li>
        </ul>
        <h2>{t!("What this does not protect against", "Contra qué no protege")}</h2>
        <ul>
            <li>{t!("Without a passphrase, someone who can use this device and this browser profile can open the assessment and see your answers.", "Sin frase de contraseña, cualquier persona que pueda usar este dispositivo y este perfil del navegador puede abrir la evaluación y ver sus respuestas.")}</li>
            <li>{t!("A passphrase that is easy to guess. Use several unrelated words. If you forget it, the saved assessments cannot be recovered.", "Una frase de contraseña fácil de adivinar. Use varias palabras sin relación entre sí. Si la olvida, las evaluaciones guardadas no se pueden recuperar.")}</li>
            <li>{t!("Someone using the browser while it is unlocked, malware on the device, or browser extensions you have installed: they can read pages you visit.", "Alguien que use el navegador mientras está desbloqueado, software malicioso en el dispositivo o extensiones del navegador que usted haya instalado: pueden leer las páginas que visita.")}</li>
            <li>{t!("Your browsing history: quick exit cannot erase it, and a link with an answer code in it that you followed stays in it (paste codes instead). Use a private window if that matters.", "Su historial de navegación: la salida rápida no puede borrarlo, y un enlace con un código de respuestas que usted abrió queda en él (mejor pegue los códigos). Si eso le importa, use una ventana privada.")}</li>
            <li>{t!("Files you export or print are yours to keep safe; only the encrypted download is protected.", "Los archivos que exporte o imprima quedan bajo su cuidado; solo la descarga cifrada está protegida.")}</li>
        </ul>
        <p>{t!("The full threat model is in the project's docs/privacy.md.", "El modelo de amenazas completo está en docs/privacy.md del proyecto (en inglés).")}</p>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1 id="page-heading" tabindex="-1">{t!("Page not found", "Página no encontrada")}</h1>
        <p>{t!("There is no page at this address. Your answers are safe.", "No hay ninguna página en esta dirección. Sus respuestas están a salvo.")}</p>
        <p><a href="#/">{t!("Go to the start page", "Ir a la página de inicio")}</a></p>
    }
}

/// Continues with answers carried in a link (`#/resume/<code>`): they become
/// a new saved assessment, and the code leaves the address (the browser's
/// history keeps the address as it was followed; docs/privacy.md).
#[component]
pub fn ResumePage(code: String) -> impl IntoView {
    let library = crate::ui::state::use_library();
    let s = crate::ui::state::use_shell();
    let result = hr_assessment::code::decode(instrument(), &code);
    crate::browser::dom::replace_hash(&crate::ui::route::Route::Check.href());
    match result {
        Ok(responses) => {
            let mut record = crate::ui::state::new_record();
            record.responses = responses;
            library.add_imported(record);
            s.notice.set(Some(
                t!(
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
