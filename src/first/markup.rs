//! The first screen's pages, written as HTML text: the frame (header and
//! footer), the start page of a first visit and the question pages. Pure
//! functions of the instrument, the answers and the save status, so they
//! are tested natively; [`super`] puts them in the page.
//!
//! Each mirrors a Leptos view of the full app, element for element
//! (`ui::Shell`, `ui::start::StartPage`, `ui::section::SectionPage`,
//! `ui::questions`): after the hand-over the full app draws the same pages
//! again, and an end-to-end test compares the two drawings of every page
//! (`tests/e2e/first-screen.test.mjs`). A change to one of these views
//! must be made in both places; that test says where they differ.

use crate::i18n::{lang, t};
use hr_assessment::instrument::{Grid, Section};
use hr_assessment::{Instrument, OptionId, Question, Record, ScaleAnswer, SectionId};
use std::fmt::Write;

/// Text made safe for HTML, in an element or a quoted attribute.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// How the last save went, as far as the first screen knows: a failed save
/// hands over to the full app, which says what went wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// Nothing saved since the page loaded.
    Not,
    /// Saved at this ISO time.
    At(String),
}

/// The frame: skip link, header, the notices' place, `main` holding
/// `page`, footer (`ui::Shell`, `ui::Header`, `ui::Footer`).
pub fn frame(embed: bool, page: &str) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        r##"<a class="skip-link" href="#/">{}</a><header class="site-header{}"><div class="wrap site-header__inner">"##,
        t!("Skip to main content", "Saltar al contenido principal"),
        if embed { " site-header--slim" } else { "" },
    );
    if !embed {
        let _ = write!(
            o,
            r##"<a class="site-header__title" href="#/">{}</a>"##,
            t!("Harm reduction readiness", "Preparación para la reducción de daños")
        );
    }
    let other = match lang() {
        hr_assessment::Lang::En => hr_assessment::Lang::Es,
        hr_assessment::Lang::Es => hr_assessment::Lang::En,
    };
    let _ = write!(
        o,
        r##"<p class="site-header__privacy">{}</p><nav class="site-header__nav" aria-label="{}"><a href="#/assessments">{}</a><button type="button" class="language-switch" id="{}" lang="{}">{}</button></nav><div class="site-header__exit">{}</div></div></header><div class="wrap"></div><main id="main-content" class="wrap main" tabindex="-1">{page}</main><footer class="site-footer"><div class="wrap"><p class="site-footer__promise">{}</p><ul class="site-footer__links"><li><a href="#/privacy">{}</a></li><li><a href="#/method">{}</a></li></ul>"##,
        t!(
            "Private: nothing you enter leaves this browser",
            "Privado: nada de lo que escriba sale de este navegador"
        ),
        t!("Site", "Sitio"),
        t!("Your assessments", "Sus evaluaciones"),
        crate::ui::language::LANGUAGE_SWITCH,
        other.code(),
        other.own_name(),
        quick_exit_button(),
        t!(
            "Nothing you enter leaves this browser. There is no server, no account and no tracking.",
            "Nada de lo que escriba sale de este navegador. No hay servidor, ni cuenta, ni rastreo."
        ),
        t!("How your privacy is protected", "Cómo se protege su privacidad"),
        t!("How is this calculated?", "¿Cómo se calcula?"),
    );
    if !embed {
        let _ = write!(
            o,
            r#"<p class="site-footer__source">{}</p>"#,
            t!("National figures: National Council for Mental Wellbeing, Harm Reduction Technical Assistance Stakeholder Analysis (2022).", "Cifras nacionales: National Council for Mental Wellbeing, Harm Reduction Technical Assistance Stakeholder Analysis (2022).")
        );
    }
    o.push_str("</div></footer>");
    o
}

/// The start page's title (the tab's title adds the app's name).
pub fn start_title() -> String {
    t!("Start", "Inicio").to_owned()
}

/// A question page's title: `None` for a section that does not exist.
pub fn section_title(i: &Instrument, id: &SectionId) -> Option<String> {
    let n = i.section_index(id)? + 1;
    let title = &i.sections[n - 1].title;
    let total = i.sections.len();
    Some(crate::tf!(
        "{title} (section {n} of {total})",
        "{title} (sección {n} de {total})"
    ))
}

/// A section's address (`ui::route::Route::section`'s).
pub fn section_href(id: &SectionId) -> String {
    format!("#/section/{id}")
}

/// The Quick exit button (`ui::QuickExitButton`).
pub fn quick_exit_button() -> String {
    format!(
        r#"<button type="button" class="quick-exit">{}<span class="visually-hidden">{}</span></button>"#,
        t!("Quick exit", "Salida rápida"),
        t!(
            " (leave this page at once; or press Shift three times)",
            " (salir de esta página al instante; o pulse Shift (Mayús) tres veces)"
        ),
    )
}

/// The start page of a visit with nothing answered (`ui::start::StartPage`
/// without its "Welcome back").
pub fn start_page(i: &Instrument) -> String {
    let statements = i.statements().count();
    let what_you_do = crate::tf!(
        "Read {statements} statements about your organization's leadership, staff, community, law, policy and funding, and answer each on the scale of the 2022 national survey: strongly agree, somewhat agree, somewhat disagree, strongly disagree, or I don't know. Then tell us which services and partners you have, and which kinds of help would suit you.",
        "Lea {statements} afirmaciones sobre el liderazgo, el personal, la comunidad, las leyes, las políticas y el financiamiento de su organización, y responda cada una con la escala de la encuesta nacional de 2022: muy de acuerdo, algo de acuerdo, algo en desacuerdo, muy en desacuerdo o no sé. Después, indíquenos qué servicios y aliados tiene, y qué tipos de ayuda le convendrían."
    );
    let first = section_href(&i.sections[0].id);
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<h1 id="page-heading" tabindex="-1">{}</h1><p class="lead">{}</p><a class="button button--start" href="{first}">{}<span aria-hidden="true"> →</span></a>"#,
        t!("How ready is your organization for harm reduction?", "¿Qué tan preparada está su organización para la reducción de daños?"),
        t!(
            "A private self-assessment for mental health and substance use treatment organizations. Find out how ready you are to offer harm reduction services, what holds you back, and what technical assistance (TA) to ask for.",
            "Una autoevaluación privada para organizaciones de tratamiento de salud mental y de uso de sustancias. Descubra qué tan preparada está su organización para ofrecer servicios de reducción de daños, qué la frena y qué asistencia técnica (AT) le conviene pedir."
        ),
        t!("Start now", "Empezar ahora"),
    );
    let _ = write!(
        o,
        r#"<h2>{}</h2><ul><li>{}</li><li>{}</li><li>{}</li></ul><h2>{}</h2><p>{}</p><p><strong>{}</strong>{}</p>"#,
        t!("Who it is for", "Para quién es"),
        t!("Leaders of mental health and substance use treatment organizations, Certified Community Behavioral Health Clinics, recovery community organizations and social service agencies.", "Líderes de organizaciones de tratamiento de salud mental y de uso de sustancias, de Clínicas Certificadas de Salud Conductual Comunitaria (CCBHC), de organizaciones comunitarias de recuperación y de agencias de servicios sociales."),
        t!("Staff, peer workers and people with lived experience who want to see how their organization looks from where they stand.", "Personal, pares y personas con experiencia vivida que quieren ver cómo se ve su organización desde su propio lugar."),
        t!("Trainers and technical assistance providers running workshops and learning collaboratives.", "Capacitadores y proveedores de asistencia técnica que dirigen talleres y colaborativos de aprendizaje."),
        t!("What you will do", "Qué hará"),
        esc(&what_you_do),
        t!("It takes about 15 to 20 minutes.", "Toma entre 15 y 20 minutos, aproximadamente."),
        t!(" You can skip any question, stop at any time and come back later: your answers are saved on this device as you go.", " Puede saltarse cualquier pregunta, detenerse en cualquier momento y volver más tarde: sus respuestas se guardan en este dispositivo a medida que avanza."),
    );
    let _ = write!(
        o,
        r#"<h2>{}</h2><ul><li>{}</li><li>{}</li><li>{}</li><li>{}</li></ul>"#,
        t!("What you get", "Qué obtendrá"),
        t!("Each of the six readiness domains read as a facilitator, a barrier or mixed, and the domain holding your organization back most.", "La lectura de cada uno de los seis dominios de preparación (facilitador, barrera o mixto) y el dominio que más frena a su organización."),
        t!("Your answers beside those of the people who answered a national survey in 2022.", "Sus respuestas junto a las de las personas que respondieron una encuesta nacional en 2022."),
        t!("The technical assistance areas and ways of receiving help that fit your answers, each with the answers that led to it.", "Las áreas de asistencia técnica y las formas de recibir ayuda que corresponden a sus respuestas, cada una con las respuestas que llevaron a ella."),
        t!("A page you can print and take to your team or board.", "Una página que puede imprimir y llevar a su equipo o a su junta directiva."),
    );
    let _ = write!(
        o,
        r##"<h2>{}</h2><div class="panel panel--privacy"><p><strong>{}</strong></p><p>{}</p><p>{}<a href="#/privacy">{}</a></p><p class="hint">{}</p></div>"##,
        t!("Your privacy", "Su privacidad"),
        t!("Nothing you enter leaves this browser.", "Nada de lo que escriba sale de este navegador."),
        t!(
            "There is no server behind this assessment, no account and no analytics. Your answers are kept only in this browser's storage on this device, and leave it only if you choose to print or save them to a file.",
            "Detrás de esta evaluación no hay servidor, ni cuenta, ni analítica. Sus respuestas se guardan solo en el almacenamiento de este navegador, en este dispositivo, y solo salen de él si usted decide imprimirlas o guardarlas en un archivo."
        ),
        t!(
            "This is enforced, not just promised: the page carries a security policy that forbids the browser from contacting any other website, and the app has no code that sends data anywhere. ",
            "No es solo una promesa, sino una regla que se hace cumplir: la página lleva una política de seguridad que le prohíbe al navegador comunicarse con cualquier otro sitio web, y la aplicación no tiene código que envíe datos a ningún lugar. "
        ),
        t!("How your privacy is protected", "Cómo se protege su privacidad"),
        t!("On a shared computer, delete your answers when you have finished.", "En una computadora compartida, borre sus respuestas cuando termine."),
    );
    let _ = write!(
        o,
        r##"<h2>{}</h2><p>{}<a href="#/team">{}</a>{}<code>?kiosk=1</code>{}</p>"##,
        t!("Running a workshop?", "¿Va a dirigir un taller?"),
        t!(
            "Each participant takes the assessment on their own device. Bring their results together on yours in the ",
            "Cada participante completa la evaluación en su propio dispositivo. Después, reúna los resultados de todos en el suyo, en la "
        ),
        t!("team view", "vista de equipo"),
        t!(
            ": see where leaders, staff and peers agree or differ, and agree on team answers. On a shared device, add ",
            ": vea en qué coinciden o difieren líderes, personal y pares, y acuerden las respuestas del equipo. En un dispositivo compartido, agregue "
        ),
        t!(
            " to the address: each person ends with a reset that leaves nothing behind. To put the assessment inside your own workshop page, see the embedding guide in the project's docs/embedding.md.",
            " a la dirección: cada persona termina con un reinicio que no deja nada atrás. Para incluir la evaluación dentro de la página de su propio taller, consulte la guía de inserción en docs/embedding.md del proyecto (en inglés)."
        ),
    );
    let _ = write!(
        o,
        r##"<h2>{}</h2><p>{}<a href="#/method">{}</a></p>"##,
        t!("Where the questions come from", "De dónde vienen las preguntas"),
        t!(
            "The statements draw on a 2022 national survey of mental health and substance use treatment organizations by the National Council for Mental Wellbeing, and on research with harm reduction workers, learning collaboratives and county overdose prevention coalitions. ",
            "Las afirmaciones se basan en una encuesta nacional de 2022 a organizaciones de tratamiento de salud mental y de uso de sustancias, realizada por el National Council for Mental Wellbeing, y en investigaciones con trabajadores de reducción de daños, colaborativos de aprendizaje y coaliciones de condado para la prevención de sobredosis. "
        ),
        t!("How is this calculated?", "¿Cómo se calcula?"),
    );
    o
}

/// "3 of 7 answered on this page".
pub fn progress_note(i: &Instrument, record: &Record, section: &Section) -> String {
    let (answered, total) = record.responses.progress_in(i, &section.id);
    crate::tf!(
        "{answered} of {total} answered on this page",
        "{answered} de {total} respondidas en esta página"
    )
}

/// A section's count in the list of all sections: "3 of 7 answered".
pub fn nav_count(i: &Instrument, record: &Record, section: &Section) -> String {
    let (answered, total) = record.responses.progress_in(i, &section.id);
    crate::tf!("{answered} of {total} answered", "{answered} de {total} respondidas")
}

/// The save status's message and time (`ui::SaveStatus`, outside kiosk
/// mode, whose visits are the full app's).
pub fn save_status(saved: &Saved, has_answers: bool) -> (String, String) {
    match saved {
        Saved::Not if has_answers => (
            t!(
                "Your answers are saved on this device.",
                "Sus respuestas están guardadas en este dispositivo."
            )
            .to_owned(),
            String::new(),
        ),
        Saved::Not => (
            t!(
                "Answers are saved on this device as you go.",
                "Las respuestas se guardan en este dispositivo a medida que avanza."
            )
            .to_owned(),
            String::new(),
        ),
        Saved::At(at) => {
            let when = crate::browser::format_timestamp(at, lang());
            let end = if when.ends_with('.') { "" } else { "." };
            (
                t!("Saved on this device.", "Guardado en este dispositivo.").to_owned(),
                crate::tf!(" Last saved {when}{end}", " Guardado por última vez: {when}{end}"),
            )
        }
    }
}

/// A question's "Clear this answer" button.
pub fn clear_button(question_text: &str) -> String {
    format!(
        r#"<button type="button" class="link-button clear-answer">{}<span class="visually-hidden">{}</span></button>"#,
        t!("Clear this answer", "Borrar esta respuesta"),
        esc(&format!(" ({question_text})")),
    )
}

/// A question page (`ui::section::SectionPage`), as reached from the page
/// before or the list of sections (never from "Check your answers", whose
/// page is the full app's).
pub fn section_page(i: &Instrument, section: &Section, record: &Record, saved: &Saved) -> String {
    let index = i.section_index(&section.id).unwrap_or(0);
    let total = i.sections.len();
    let back = if index == 0 {
        "#/".to_owned()
    } else {
        section_href(&i.sections[index - 1].id)
    };
    let last = index + 1 == total;
    let submit_label = if last {
        t!("Save and check your answers", "Guardar y revisar sus respuestas")
    } else {
        t!("Save and continue", "Guardar y continuar")
    };
    let n = index + 1;
    let (message, time) = save_status(saved, record.responses != Default::default());
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<a class="back-link" href="{back}">{}</a><p class="caption">{}</p><h1 id="page-heading" tabindex="-1">{}</h1><p class="lead">{}</p>"#,
        t!("Back", "Volver"),
        esc(&crate::tf!("Section {n} of {total}", "Sección {n} de {total}")),
        esc(&section.title),
        esc(&section.intro),
    );
    if section.domain.is_some() {
        let _ = write!(
            o,
            r#"<p class="hint scale-help">{}</p>"#,
            esc(t!(
                "Choose the answer closest to how things are now. “I don't know” is a useful answer: it counts as something to find out, never as a barrier. You can skip any statement.",
                "Elija la respuesta que más se acerque a cómo están las cosas ahora. “No sé” es una respuesta útil: cuenta como algo que hay que averiguar, nunca como una barrera. Puede saltarse cualquier afirmación."
            ))
        );
    }
    let _ = write!(
        o,
        r#"<p class="progress-note">{}</p><p class="save-status"><span role="status">{}</span><span class="save-status__time">{}</span></p><form class="section-form" novalidate="">"#,
        esc(&progress_note(i, record, section)),
        esc(&message),
        esc(&time),
    );
    for q in i.questions_in(&section.id) {
        question(&mut o, i, q, record);
    }
    let _ = write!(
        o,
        r##"<div class="button-group"><button type="submit" class="button">{submit_label}</button><a class="button button--secondary" href="#/check">{}</a></div></form>"##,
        t!("Check your answers", "Revisar sus respuestas"),
    );
    let _ = write!(
        o,
        r#"<nav class="section-nav" aria-labelledby="section-nav-title"><h2 id="section-nav-title" class="section-nav__title">{}</h2><ol class="section-nav__list">"#,
        t!("All sections", "Todas las secciones"),
    );
    for sec in &i.sections {
        let current = if sec.id == section.id {
            r#" aria-current="page""#
        } else {
            ""
        };
        let _ = write!(
            o,
            r#"<li class="section-nav__item"><a href="{}"{current}>{}</a><span class="section-nav__count">{}</span></li>"#,
            section_href(&sec.id),
            esc(&sec.title),
            esc(&nav_count(i, record, sec)),
        );
    }
    let _ = write!(
        o,
        r##"<li class="section-nav__item"><a href="#/check">{}</a></li></ol></nav>"##,
        t!("Check your answers", "Revisar sus respuestas"),
    );
    o
}

/// Any question (`ui::questions::QuestionView`).
fn question(o: &mut String, i: &Instrument, q: &Question, record: &Record) {
    match q {
        Question::Statement(s) => {
            let id = s.id.as_str();
            let current = record.responses.statement(&s.id);
            let described = if s.hint.is_some() {
                format!(r#" aria-describedby="{id}-hint""#)
            } else {
                String::new()
            };
            let _ = write!(
                o,
                r#"<div class="question" id="q-{id}"><fieldset class="fieldset"{described}><legend class="fieldset__legend" id="{id}-legend">{}</legend>"#,
                esc(&s.text)
            );
            if let Some(h) = &s.hint {
                let _ = write!(o, r#"<p class="hint" id="{id}-hint">{}</p>"#, esc(h));
            }
            o.push_str(r#"<div class="scale">"#);
            for answer in ScaleAnswer::ALL {
                let a = answer.as_str();
                let _ = write!(
                    o,
                    r#"<div class="scale__option{}"><input type="radio" class="radio" id="{id}--{a}" aria-labelledby="{id}--{a}-label {id}-legend" name="{id}" value="{a}"{}><label for="{id}--{a}" id="{id}--{a}-label">{}</label></div>"#,
                    if answer == ScaleAnswer::DontKnow {
                        " scale__option--dont-know"
                    } else {
                        ""
                    },
                    if current == Some(answer) { " checked" } else { "" },
                    esc(answer.label_in(lang())),
                );
            }
            o.push_str("</div>");
            if current.is_some() {
                o.push_str(&clear_button(&s.text));
            }
            o.push_str("</fieldset></div>");
        }
        Question::Grid(g) => grid(o, g, record),
        _ => options_question(o, q, options_of(i, q), record),
    }
}

/// A choice's options: id, label and, for the TA areas and the
/// modalities, each one's description as its hint (`ui::questions` draws
/// the same).
pub fn options_of(i: &Instrument, q: &Question) -> Vec<(OptionId, String, Option<String>)> {
    i.list_options(q)
        .into_iter()
        .map(|(id, label)| {
            let hint = match q {
                Question::TaAreas(_) => i.ta_area(&id.as_str().into()).map(|a| a.summary.clone()),
                Question::Modalities(_) => i.modality(&id.as_str().into()).map(|m| m.summary.clone()),
                _ => None,
            };
            (id, label, hint)
        })
        .collect()
}

/// Radios or tick boxes (`ui::questions::OptionsQuestion`).
fn options_question(o: &mut String, q: &Question, options: Vec<(OptionId, String, Option<String>)>, record: &Record) {
    let qid = q.id().as_str();
    let multiple = !matches!(q, Question::SingleChoice(_));
    let chosen = record.responses.chosen(q.id());
    let described = if q.hint().is_some() {
        format!("{qid}-hint {qid}-error")
    } else {
        format!("{qid}-error")
    };
    let _ = write!(
        o,
        r#"<div class="question" id="q-{qid}"><fieldset class="fieldset" aria-describedby="{described}"><legend class="fieldset__legend">{}</legend>"#,
        esc(q.text())
    );
    if let Some(h) = q.hint() {
        let _ = write!(o, r#"<p class="hint" id="{qid}-hint">{}</p>"#, esc(h));
    }
    let (kind, extra) = if multiple {
        ("checkbox", " options--checkboxes")
    } else {
        ("radio", "")
    };
    let _ = write!(
        o,
        r#"<p class="field-error" id="{qid}-error" aria-live="polite"></p><div class="options{extra}">"#
    );
    for (oid, label, hint) in options {
        let input_id = format!("{qid}--{oid}");
        let described = if hint.is_some() {
            format!(r#" aria-describedby="{input_id}-hint""#)
        } else {
            String::new()
        };
        let _ = write!(
            o,
            r#"<div class="option"><input type="{kind}" class="{kind}" id="{input_id}" name="{qid}" value="{oid}"{described}{}><label for="{input_id}">{}</label>"#,
            if chosen.contains(&oid) { " checked" } else { "" },
            esc(&label),
        );
        if let Some(h) = hint {
            let _ = write!(
                o,
                r#"<p class="hint option__hint" id="{input_id}-hint">{}</p>"#,
                esc(&h)
            );
        }
        o.push_str("</div>");
    }
    o.push_str("</div>");
    if !multiple && !chosen.is_empty() {
        o.push_str(&clear_button(q.text()));
    }
    o.push_str("</fieldset></div>");
}

/// Services or partners (`ui::questions::GridQuestion`).
fn grid(o: &mut String, g: &Grid, record: &Record) {
    let gid = g.id.as_str();
    let _ = write!(
        o,
        r#"<div class="question question--grid" id="q-{gid}"><h2 class="question__title">{}</h2>"#,
        esc(&g.text)
    );
    if let Some(h) = &g.hint {
        let _ = write!(o, r#"<p class="hint" id="{gid}-hint">{}</p>"#, esc(h));
    }
    o.push_str(r#"<div class="grid-rows">"#);
    for row in &g.rows {
        let _ = write!(
            o,
            r#"<fieldset class="fieldset grid-row"><legend class="grid-row__label">{}</legend><div class="grid-row__cells">"#,
            esc(&row.label)
        );
        for col in &g.columns {
            let input_id = format!("{gid}--{}--{}", row.id, col.id);
            let _ = write!(
                o,
                r#"<div class="option option--inline"><input type="checkbox" class="checkbox" id="{input_id}"{}><label for="{input_id}">{}</label></div>"#,
                if record.responses.cell(&g.id, &row.id, &col.id) {
                    " checked"
                } else {
                    ""
                },
                esc(&col.label),
            );
        }
        o.push_str("</div></fieldset>");
    }
    o.push_str("</div></div>");
}

/// In place of the app when the code it needs could not be fetched
/// (`crate::start`): what it is, and a way to try again. `stored`: this
/// browser holds assessments the code would have read.
pub fn not_started(stored: bool) -> String {
    let (heading, text) = if stored {
        (
            t!("The assessment could not start", "No se pudo iniciar la evaluación"),
            t!(
                "This browser holds assessments saved with this app, and the part of the app that reads them did not arrive: the connection seems to have dropped. Nothing has been changed; your saved answers are still on this device. Check the connection, then try again.",
                "Este navegador guarda evaluaciones hechas con esta aplicación, y la parte de la aplicación que las lee no llegó: parece que la conexión se cortó. No se ha cambiado nada; sus respuestas guardadas siguen en este dispositivo. Revise la conexión y vuelva a intentarlo.",
            ),
        )
    } else {
        (
            t!("This page could not be loaded", "No se pudo cargar esta página"),
            t!(
                "The connection seems to have dropped before this part of the app arrived. Your answers are saved on this device; nothing is lost. Check the connection, then try again.",
                "Parece que la conexión se cortó antes de que llegara esta parte de la aplicación. Sus respuestas están guardadas en este dispositivo; no se pierde nada. Revise la conexión y vuelva a intentarlo.",
            ),
        )
    };
    format!(
        r#"<div class="notice notice--error" role="alert"><h1 id="page-heading" tabindex="-1">{heading}</h1><p>{text}</p><button type="button" class="button" id="start-again">{}</button></div>"#,
        t!("Try again", "Intentar de nuevo"),
    )
}

/// "Loading…", while the rest of the app comes.
pub fn loading() -> String {
    format!(
        r#"<p class="loading" role="status">{}</p>"#,
        t!("Loading…", "Cargando…")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use hr_assessment::{Lang, Shipped};

    fn instrument() -> &'static Instrument {
        Instrument::shipped_brief_in(Lang::En)
    }

    fn record() -> Record {
        Record::new(instrument(), "id".into(), "name".into(), "2026-11-29T10:00:00Z".into())
    }

    #[test]
    fn text_is_escaped_in_elements_and_attributes() {
        assert_eq!(
            esc(r#"<b a="1">Tom & 'Jerry'</b>"#),
            "&lt;b a=&quot;1&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn every_section_page_shows_its_questions_with_the_answers_given() {
        let i = instrument();
        let mut r = record();
        let first = i.statements().next().expect("a statement");
        r.responses.set_statement(first.id.clone(), ScaleAnswer::SomewhatAgree);
        for section in &i.sections {
            let page = section_page(i, section, &r, &Saved::Not);
            for q in i.questions_in(&section.id) {
                assert!(
                    page.contains(&format!(r#"id="q-{}""#, q.id())),
                    "{} shows {}",
                    section.id,
                    q.id()
                );
            }
            assert_eq!(page.matches("<form").count(), 1);
            assert_eq!(page.matches(r#"aria-current="page""#).count(), 1);
        }
        let page = section_page(i, i.section(&first.section).expect("its section"), &r, &Saved::Not);
        let checked = format!(
            r#"id="{}--{}" aria-labelledby"#,
            first.id,
            ScaleAnswer::SomewhatAgree.as_str()
        );
        let at = page.find(&checked).expect("the answer's radio");
        assert!(
            page[at..].split('>').next().expect("the tag").contains(" checked"),
            "the answer given is checked"
        );
        assert_eq!(page.matches(" checked").count(), 1, "and nothing else");
        assert_eq!(page.matches("clear-answer").count(), 1, "one answer to clear");
        assert!(page.contains("Your answers are saved on this device."));
    }

    #[test]
    fn a_section_links_back_and_to_the_next() {
        let i = instrument();
        let r = record();
        let first = section_page(i, &i.sections[0], &r, &Saved::Not);
        assert!(first.contains(r##"<a class="back-link" href="#/">"##));
        assert!(first.contains("Save and continue"));
        let last = section_page(i, i.sections.last().expect("sections"), &r, &Saved::Not);
        assert!(last.contains("Save and check your answers"));
        let second = section_page(i, &i.sections[1], &r, &Saved::Not);
        assert!(second.contains(&format!(
            r##"<a class="back-link" href="#/section/{}">"##,
            i.sections[0].id
        )));
    }

    #[test]
    fn the_start_page_counts_the_statements_and_starts_at_the_first_section() {
        let i = instrument();
        let page = start_page(i);
        assert!(page.contains(&format!("Read {} statements", i.statements().count())));
        assert!(page.contains(&format!(r##"href="#/section/{}""##, i.sections[0].id)));
        assert!(page.contains("I don&#39;t know"), "the text is escaped");
    }

    #[test]
    fn the_frame_holds_the_page_and_embed_mode_drops_the_title_and_source() {
        let full = frame(false, "<p>page</p>");
        assert!(full.contains(r#"<main id="main-content" class="wrap main" tabindex="-1"><p>page</p></main>"#));
        assert!(full.contains("site-header__title") && full.contains("site-footer__source"));
        let slim = frame(true, "");
        assert!(slim.contains("site-header--slim"));
        assert!(!slim.contains("site-header__title") && !slim.contains("site-footer__source"));
    }

    #[test]
    fn a_question_text_with_markup_stays_text() {
        let button = clear_button("<script>");
        assert!(button.contains("(&lt;script&gt;)") && !button.contains("<script>"));
    }
}
