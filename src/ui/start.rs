//! The start page: what the assessment is for, who it is for, how long it
//! takes, the privacy promise and how it is kept; then Start (or Continue).

use crate::i18n::t;
use crate::ui::confirm::refocus;
use crate::ui::route::Route;
use crate::ui::state::{brief_instrument, use_assessment, use_library};
use leptos::prelude::*;

#[component]
pub fn StartPage() -> impl IntoView {
    let s = use_assessment();
    let library = use_library();
    let i = brief_instrument();
    let statements = i.statements().count();
    let first_section = &i.sections[0].id;
    let first = move || Route::section(first_section).href();
    let confirming = RwSignal::new(false);

    // Where "Continue" goes: the last page visited, else the first page.
    let continue_href = move || {
        s.record.with(|r| {
            r.position
                .as_ref()
                .map(Route::section)
                .map(|r| r.href())
                .unwrap_or_else(first)
        })
    };
    let progress = move || {
        let (answered, total) = s.record.with(|r| r.responses.progress(i));
        crate::tf!(
            "You have answered {answered} of {total} questions so far.",
            "Hasta ahora ha respondido {answered} de {total} preguntas."
        )
    };

    let what_you_do = crate::tf!(
        "Read {statements} statements about your organization's leadership, staff, community, law, policy and funding, and answer each on the scale of the 2022 national survey: strongly agree, somewhat agree, somewhat disagree, strongly disagree, or I don't know. Then tell us which services and partners you have, and which kinds of help would suit you.",
        "Lea {statements} afirmaciones sobre el liderazgo, el personal, la comunidad, las leyes, las políticas y el financiamiento de su organización, y responda cada una con la escala de la encuesta nacional de 2022: muy de acuerdo, algo de acuerdo, algo en desacuerdo, muy en desacuerdo o no sé. Después, indíquenos qué servicios y aliados tiene, y qué tipos de ayuda le convendrían."
    );

    view! {
        <h1 id="page-heading" tabindex="-1">{t!("How ready is your organization for harm reduction?", "¿Qué tan preparada está su organización para la reducción de daños?")}</h1>
        <p class="lead">
            {t!(
                "A private self-assessment for mental health and substance use treatment organizations. Find out how ready you are to offer harm reduction services, what holds you back, and what technical assistance (TA) to ask for.",
                "Una autoevaluación privada para organizaciones de tratamiento de salud mental y de uso de sustancias. Descubra qué tan preparada está su organización para ofrecer servicios de reducción de daños, qué la frena y qué asistencia técnica (AT) le conviene pedir."
            )}
        </p>

        {move || if s.has_answers() {
            view! {
                <div class="panel">
                    <h2>{t!("Welcome back", "Le damos la bienvenida de nuevo")}</h2>
                    <p>{progress}{t!(" Your answers are saved on this device.", " Sus respuestas están guardadas en este dispositivo.")}</p>
                    <div class="button-group">
                        <a class="button" href=continue_href>{t!("Continue where you left off", "Continuar donde lo dejó")}</a>
                        <a class="button button--secondary" href="#/check">{t!("Check your answers", "Revisar sus respuestas")}</a>
                        <a class="button button--secondary" href="#/results">{t!("See your results", "Ver sus resultados")}</a>
                    </div>
                    <p>
                        <button type="button" class="link-button" on:click=move |_| s.start_new()>{t!("Start a new assessment", "Empezar una evaluación nueva")}</button>
                        {t!(" (this one stays saved) · ", " (esta queda guardada) · ")}
                        <a href="#/assessments">{t!("Your saved assessments", "Sus evaluaciones guardadas")}</a>
                    </p>
                    {move || if confirming.get() {
                        view! {
                            <div class="confirm" role="group" tabindex="-1" id="delete-and-restart-confirm" aria-labelledby="confirm-title">
                                <p id="confirm-title"><strong>{t!("Delete your answers from this device and start again?", "¿Borrar sus respuestas de este dispositivo y empezar de nuevo?")}</strong>{t!(" This cannot be undone.", " Esto no se puede deshacer.")}</p>
                                <div class="button-group">
                                    <button type="button" class="button button--warning" on:click=move |_| {
                                        let id = s.record.with_untracked(|r| r.id.clone());
                                        library.delete(&id);
                                        confirming.set(false);
                                    }>{t!("Yes, delete my answers", "Sí, borrar mis respuestas")}</button>
                                    <button type="button" class="button button--secondary" on:click=move |_| { confirming.set(false); refocus("delete-and-restart"); }>{t!("No, keep them", "No, conservarlas")}</button>
                                </div>
                            </div>
                        }.into_any()
                    } else {
                        view! {
                            <p>
                                <button type="button" class="link-button" id="delete-and-restart" on:click=move |_| { confirming.set(true); refocus("delete-and-restart-confirm"); }>
                                    {t!("Delete my answers and start again", "Borrar mis respuestas y empezar de nuevo")}
                                </button>
                            </p>
                        }.into_any()
                    }}
                </div>
            }.into_any()
        } else {
            view! {
                <a class="button button--start" href=first()>{t!("Start now", "Empezar ahora")}<span aria-hidden="true">" →"</span></a>
            }.into_any()
        }}

        <h2>{t!("Who it is for", "Para quién es")}</h2>
        <ul>
            <li>{t!("Leaders of mental health and substance use treatment organizations, Certified Community Behavioral Health Clinics, recovery community organizations and social service agencies.", "Líderes de organizaciones de tratamiento de salud mental y de uso de sustancias, de Clínicas Certificadas de Salud Conductual Comunitaria (CCBHC), de organizaciones comunitarias de recuperación y de agencias de servicios sociales.")}</li>
            <li>{t!("Staff, peer workers and people with lived experience who want to see how their organization looks from where they stand.", "Personal, pares y personas con experiencia vivida que quieren ver cómo se ve su organización desde su propio lugar.")}</li>
            <li>{t!("Trainers and technical assistance providers running workshops and learning collaboratives.", "Capacitadores y proveedores de asistencia técnica que dirigen talleres y colaborativos de aprendizaje.")}</li>
        </ul>

        <h2>{t!("What you will do", "Qué hará")}</h2>
        <p>{what_you_do}</p>
        <p>
            <strong>{t!("It takes about 15 to 20 minutes.", "Toma entre 15 y 20 minutos, aproximadamente.")}</strong>
            {t!(" You can skip any question, stop at any time and come back later: your answers are saved on this device as you go.", " Puede saltarse cualquier pregunta, detenerse en cualquier momento y volver más tarde: sus respuestas se guardan en este dispositivo a medida que avanza.")}
        </p>

        <h2>{t!("What you get", "Qué obtendrá")}</h2>
        <ul>
            <li>{t!("Each of the six readiness domains read as a facilitator, a barrier or mixed, and the domain holding your organization back most.", "La lectura de cada uno de los seis dominios de preparación (facilitador, barrera o mixto) y el dominio que más frena a su organización.")}</li>
            <li>{t!("Your answers beside those of the people who answered a national survey in 2022.", "Sus respuestas junto a las de las personas que respondieron una encuesta nacional en 2022.")}</li>
            <li>{t!("The technical assistance areas and ways of receiving help that fit your answers, each with the answers that led to it.", "Las áreas de asistencia técnica y las formas de recibir ayuda que corresponden a sus respuestas, cada una con las respuestas que llevaron a ella.")}</li>
            <li>{t!("A page you can print and take to your team or board.", "Una página que puede imprimir y llevar a su equipo o a su junta directiva.")}</li>
        </ul>

        <h2>{t!("Your privacy", "Su privacidad")}</h2>
        <div class="panel panel--privacy">
            <p><strong>{t!("Nothing you enter leaves this browser.", "Nada de lo que escriba sale de este navegador.")}</strong></p>
            <p>
                {t!(
                    "There is no server behind this assessment, no account and no analytics. Your answers are kept only in this browser's storage on this device, and leave it only if you choose to print or save them to a file.",
                    "Detrás de esta evaluación no hay servidor, ni cuenta, ni analítica. Sus respuestas se guardan solo en el almacenamiento de este navegador, en este dispositivo, y solo salen de él si usted decide imprimirlas o guardarlas en un archivo."
                )}
            </p>
            <p>
                {t!(
                    "This is enforced, not just promised: the page carries a security policy that forbids the browser from contacting any other website, and the app has no code that sends data anywhere. ",
                    "No es solo una promesa, sino una regla que se hace cumplir: la página lleva una política de seguridad que le prohíbe al navegador comunicarse con cualquier otro sitio web, y la aplicación no tiene código que envíe datos a ningún lugar. "
                )}
                <a href="#/privacy">{t!("How your privacy is protected", "Cómo se protege su privacidad")}</a>
            </p>
            <p class="hint">{t!("On a shared computer, delete your answers when you have finished.", "En una computadora compartida, borre sus respuestas cuando termine.")}</p>
        </div>

        <h2>{t!("Running a workshop?", "¿Va a dirigir un taller?")}</h2>
        <p>
            {t!(
                "Each participant takes the assessment on their own device. Bring their results together on yours in the ",
                "Cada participante completa la evaluación en su propio dispositivo. Después, reúna los resultados de todos en el suyo, en la "
            )}
            <a href="#/team">{t!("team view", "vista de equipo")}</a>
            {t!(
                ": see where leaders, staff and peers agree or differ, and agree on team answers. On a shared device, add ",
                ": vea en qué coinciden o difieren líderes, personal y pares, y acuerden las respuestas del equipo. En un dispositivo compartido, agregue "
            )}
            <code>"?kiosk=1"</code>
            {t!(
                " to the address: each person ends with a reset that leaves nothing behind. To put the assessment inside your own workshop page, see the embedding guide in the project's docs/embedding.md.",
                " a la dirección: cada persona termina con un reinicio que no deja nada atrás. Para incluir la evaluación dentro de la página de su propio taller, consulte la guía de inserción en docs/embedding.md del proyecto (en inglés)."
            )}
        </p>

        <h2>{t!("Where the questions come from", "De dónde vienen las preguntas")}</h2>
        <p>
            {t!(
                "The statements draw on a 2022 national survey of mental health and substance use treatment organizations by the National Council for Mental Wellbeing, and on research with harm reduction workers, learning collaboratives and county overdose prevention coalitions. ",
                "Las afirmaciones se basan en una encuesta nacional de 2022 a organizaciones de tratamiento de salud mental y de uso de sustancias, realizada por el National Council for Mental Wellbeing, y en investigaciones con trabajadores de reducción de daños, colaborativos de aprendizaje y coaliciones de condado para la prevención de sobredosis. "
            )}
            <a href="#/method">{t!("How is this calculated?", "¿Cómo se calcula?")}</a>
        </p>
    }
}
