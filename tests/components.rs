//! Component tests in headless Chromium (wasm-bindgen-test): the pieces of
//! the UI mounted on their own, checked through the DOM and storage.
#![cfg(target_arch = "wasm32")]

use hr_readiness::browser::storage;
use hr_readiness::ui::questions::StatementQuestion;
use hr_readiness::ui::state::instrument;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element to mount into, and empty storage.
fn fresh_root() -> web_sys::HtmlElement {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root.unchecked_into()
}

fn input(id: &str) -> web_sys::HtmlInputElement {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into()
}

/// The assessment marked as last opened, read back from storage.
fn saved() -> hr_assessment::Record {
    let id = storage::current_id().ok().flatten().expect("an assessment was saved");
    match storage::get(&id, instrument()).map(|f| f.slot) {
        Some(storage::Slot::Plain(r)) => r,
        other => panic!("not saved as a readable record: {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_statement_offers_five_unselected_answers_and_saves_the_one_clicked() {
    let root = fresh_root();
    let statement = instrument()
        .statement(&"adequate-funding".into())
        .expect("the instrument has the funding statement");
    let handle = leptos::mount::mount_to(root.clone(), move || {
        hr_readiness::ui::state::provide(None);
        view! { <StatementQuestion statement=statement/> }
    });
    leptos::task::tick().await;

    let radios = root.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 5, "five answers");
    for i in 0..radios.length() {
        let radio: web_sys::HtmlInputElement = radios.item(i).unwrap().unchecked_into();
        assert!(!radio.checked(), "none preselected");
    }
    let legend = root.query_selector("legend").unwrap().unwrap();
    assert_eq!(legend.text_content().unwrap(), statement.text);

    input("adequate-funding--strongly_disagree").click();
    leptos::task::tick().await;

    let record = saved();
    assert_eq!(
        record.responses.statement(&"adequate-funding".into()),
        Some(hr_assessment::ScaleAnswer::StronglyDisagree)
    );
    // A "Clear this answer" control appears and removes it again.
    let clear: web_sys::HtmlElement = root
        .query_selector("button.clear-answer")
        .unwrap()
        .unwrap()
        .unchecked_into();
    clear.click();
    leptos::task::tick().await;
    let record = saved();
    assert_eq!(record.responses.statement(&"adequate-funding".into()), None);
    drop(handle);
}

#[wasm_bindgen_test]
async fn unreadable_saved_data_is_reported_and_left_in_place() {
    let root = fresh_root();
    let storage_api = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage_api.set_item(storage::KEY_CURRENT, "\"broken\"").unwrap();
    storage_api
        .set_item(&storage::record_key("broken"), "{\"schema\":1,\"id\":")
        .unwrap();

    let _handle = leptos::mount::mount_to(root.clone(), hr_readiness::ui::App);
    leptos::task::tick().await;

    let text = root.text_content().unwrap();
    assert!(text.contains("Some saved data could not be read"), "{text}");
    assert_eq!(
        storage_api.get_item(&storage::record_key("broken")).unwrap().as_deref(),
        Some("{\"schema\":1,\"id\":"),
        "the unreadable data is untouched"
    );
}

/// The chart writes each balance inside its drawing and clear of its own bar,
/// for the values at the edges and around the center line (−100, −1, 0, +1,
/// +100), measured by the browser's layout of the SVG text.
#[wasm_bindgen_test]
async fn the_chart_writes_every_balance_inside_the_drawing_and_clear_of_its_bar() {
    use hr_assessment::{assess, Responses, Stage};
    let root = fresh_root();
    let mut report = assess(instrument(), &Responses::default());
    let balances = [-100, -1, 0, 1, 100];
    for (d, b) in report.domains.iter_mut().zip(balances) {
        d.balance = Some(b);
        d.stage = if b >= 34 {
            Stage::Facilitator
        } else if b <= -34 {
            Stage::Barrier
        } else {
            Stage::Mixed
        };
    }
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let report = Memo::new(move |_| report.clone());
        view! { <hr_readiness::ui::results::DomainChart report=report/> }
    });
    leptos::task::tick().await;

    // getBBox through JavaScript: (x0, x1, y0, y1) in the SVG's units.
    let bbox = |el: &web_sys::Element| -> (f64, f64, f64, f64) {
        let f: js_sys::Function = js_sys::Reflect::get(el, &"getBBox".into()).unwrap().unchecked_into();
        let b = f.call0(el).unwrap();
        let n = |k: &str| js_sys::Reflect::get(&b, &k.into()).unwrap().as_f64().unwrap();
        (n("x"), n("x") + n("width"), n("y"), n("y") + n("height"))
    };
    let all = |selector: &str| {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into::<web_sys::Element>())
            .collect::<Vec<_>>()
    };
    let svg = root.query_selector("svg").unwrap().expect("the chart");
    let width: f64 = svg
        .get_attribute("viewBox")
        .unwrap()
        .split(' ')
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    let values = all("text.chart__value");
    let bars: Vec<_> = all("rect.chart__bar").iter().map(bbox).collect();
    let texts: Vec<String> = values.iter().map(|v| v.text_content().unwrap()).collect();
    assert_eq!(texts, ["\u{2212}100", "\u{2212}1", "0", "+1", "+100"]);
    for (value, text) in values.iter().zip(&texts) {
        let (x0, x1, y0, y1) = bbox(value);
        assert!(x1 - x0 > 4.0, "{text} has a width");
        assert!(x0 >= 0.0 && x1 <= width, "{text} spans {x0}–{x1}, outside 0–{width}");
        for (bx0, bx1, by0, by1) in &bars {
            let overlap = x0 < *bx1 && *bx0 < x1 && y0 < *by1 && *by0 < y1;
            assert!(!overlap, "{text} ({x0}–{x1}) lies under a bar ({bx0}–{bx1})");
        }
    }
}

#[wasm_bindgen_test]
async fn a_team_bar_writes_each_count_inside_its_own_part_and_names_every_answer() {
    use hr_assessment::team::AnswerCounts;
    use hr_assessment::team_charts::national_bar;
    let root = fresh_root();
    // 1 of 30 is too narrow for its number; the rest are written inside their parts.
    let counts = AnswerCounts {
        strongly_agree: 12,
        somewhat_agree: 1,
        somewhat_disagree: 6,
        strongly_disagree: 4,
        dont_know: 7,
        unanswered: 2,
    };
    let national = instrument()
        .statements()
        .find_map(|s| {
            s.national
                .as_ref()
                .filter(|n| n.agree.is_some() && n.strongly_disagree.is_none())
        })
        .map(national_bar);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <hr_readiness::ui::charts::StatementBars counts=counts national=national/> }
    });
    leptos::task::tick().await;
    let svgs = root.query_selector_all("svg[role=img]").unwrap();
    assert_eq!(svgs.length(), 2, "the team's bar and the national one");
    let team: web_sys::Element = svgs.item(0).unwrap().unchecked_into();
    assert_eq!(
        team.get_attribute("aria-label").unwrap(),
        "Team: 4 strongly disagree, 6 somewhat disagree, 1 somewhat agree, 12 strongly agree; 7 I don't know; 2 blank."
    );
    let national: web_sys::Element = svgs.item(1).unwrap().unchecked_into();
    let name = national.get_attribute("aria-label").unwrap();
    assert!(
        name.starts_with("Nationally in 2022 (n = 90): ") && name.contains("not given in the report"),
        "{name}"
    );

    let groups = team.query_selector_all("g > rect").unwrap();
    let mut total = 0.0;
    let mut written = Vec::new();
    for k in 0..groups.length() {
        let rect: web_sys::Element = groups.item(k).unwrap().unchecked_into();
        let attr = |e: &web_sys::Element, a: &str| e.get_attribute(a).unwrap().parse::<f64>().unwrap();
        let (x, w) = (attr(&rect, "x"), attr(&rect, "width"));
        total += w;
        if let Some(text) = rect.next_element_sibling() {
            let tx = attr(&text, "x");
            assert!(x < tx && tx < x + w, "the number sits inside its part");
            written.push(text.text_content().unwrap());
        }
    }
    assert_eq!(
        groups.length(),
        5,
        "a part for each answer given, I don't know included"
    );
    assert_eq!(
        total,
        520.0 - 14.0,
        "the parts fill the bar less the gap before I don't know"
    );
    assert_eq!(
        written,
        ["4", "6", "12", "7"],
        "the one-person part is named in its title only"
    );
}

#[wasm_bindgen_test]
fn a_domain_split_between_the_organization_and_its_context_is_named_with_its_side() {
    use hr_assessment::{DomainId, Setting};
    use hr_readiness::ui::format::part_name;
    // Funding's statements are split: payers and outside funding are
    // context, the organization's own budget is its own. So are law's and
    // policy's.
    let funding = DomainId::from("funding");
    assert_eq!(
        part_name(&funding, Setting::Organization),
        "Funding (in your organization)"
    );
    assert_eq!(
        part_name(&funding, Setting::Context),
        "Funding (outside your organization)"
    );
    assert_eq!(
        part_name(&DomainId::from("policy"), Setting::Context),
        "Policy (outside your organization)"
    );
    assert_eq!(
        part_name(&DomainId::from("law"), Setting::Organization),
        "Law (in your organization)"
    );
    // A domain all on one side is named plainly.
    assert_eq!(part_name(&DomainId::from("community"), Setting::Context), "Community");
    assert_eq!(
        part_name(&DomainId::from("leadership"), Setting::Organization),
        "Leadership"
    );
}
