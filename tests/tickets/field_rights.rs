//! Every `ticket_*` field right, on the page and on save: without the display right a field is
//! neither shown nor changed by a crafted request; without the edit right it is shown read-only
//! and a crafted value is ignored; with the mandatory right it must be filled.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{Client, TestApp};

/// One field and its rights on an existing ticket.
struct Case {
    name: &'static str,
    column: &'static str,
    display: Option<&'static str>,
    edit: &'static str,
    mandatory: Option<&'static str>,
    /// A valid new value (`{uma}` and `{tina}` stand for user ids).
    value: &'static str,
}

const fn case(
    name: &'static str,
    column: &'static str,
    display: Option<&'static str>,
    edit: &'static str,
    mandatory: Option<&'static str>,
    value: &'static str,
) -> Case {
    Case {
        name,
        column,
        display,
        edit,
        mandatory,
        value,
    }
}

const EXISTING: &[Case] = &[
    case(
        "requester",
        "requester_id",
        Some("ticket_user_disp"),
        "ticket_user",
        Some("ticket_user_mandatory"),
        "u{uma}",
    ),
    case(
        "type_id",
        "type_id",
        Some("ticket_type_disp"),
        "ticket_type",
        Some("ticket_type_mandatory"),
        "2",
    ),
    case(
        "technician",
        "technician_id",
        Some("ticket_tech_disp"),
        "ticket_tech",
        Some("ticket_tech_mandatory"),
        "u{tina}",
    ),
    case(
        "category_id",
        "category_id",
        Some("ticket_cat_disp"),
        "ticket_cat",
        Some("ticket_cat_mandatory"),
        "2",
    ),
    case(
        "subcategory_id",
        "subcategory_id",
        Some("ticket_subcat_disp"),
        "ticket_cat",
        None,
        "1",
    ),
    case(
        "place_id",
        "place_id",
        None,
        "ticket_place",
        Some("ticket_place_mandatory"),
        "{place}",
    ),
    case(
        "asset_id",
        "asset_id",
        Some("ticket_asset_disp"),
        "ticket_asset",
        Some("ticket_asset_mandatory"),
        "{asset}",
    ),
    case(
        "service_id",
        "service_id",
        Some("ticket_service_disp"),
        "ticket_service",
        Some("ticket_service_mandatory"),
        "{service}",
    ),
    case(
        "agency_id",
        "agency_id",
        Some("ticket_agency"),
        "ticket_agency",
        Some("ticket_agency_mandatory"),
        "{agency}",
    ),
    case(
        "title",
        "title",
        Some("ticket_title_disp"),
        "ticket_title",
        Some("ticket_title_mandatory"),
        "Renamed",
    ),
    case(
        "description",
        "description",
        Some("ticket_description_disp"),
        "ticket_description",
        Some("ticket_description_mandatory"),
        "New text",
    ),
    case(
        "created_at",
        "created_at",
        Some("ticket_date_create_disp"),
        "ticket_date_create",
        None,
        "2026-01-02T03:04",
    ),
    case(
        "hope_date",
        "hope_date",
        Some("ticket_date_hope_disp"),
        "ticket_date_hope",
        Some("ticket_date_hope_mandatory"),
        "2099-03-04",
    ),
    case(
        "resolved_at",
        "resolved_at",
        Some("ticket_date_res_disp"),
        "ticket_date_res",
        None,
        "2099-03-04T05:06",
    ),
    case(
        "time_spent",
        "time_spent_minutes",
        Some("ticket_time_disp"),
        "ticket_time",
        None,
        "30",
    ),
    case(
        "time_hope",
        "time_hope_minutes",
        Some("ticket_time_hope_disp"),
        "ticket_time_hope",
        None,
        "60",
    ),
    case(
        "priority_id",
        "priority_id",
        Some("ticket_priority_disp"),
        "ticket_priority",
        Some("ticket_priority_mandatory"),
        "3",
    ),
    case(
        "criticality_id",
        "criticality_id",
        Some("ticket_criticality_disp"),
        "ticket_criticality",
        Some("ticket_criticality_mandatory"),
        "2",
    ),
    case(
        "state_id",
        "state_id",
        Some("ticket_state_disp"),
        "ticket_state",
        None,
        "6",
    ),
];

/// The new-ticket variants of the rights (the full form).
const NEW: &[Case] = &[
    case(
        "asset_id",
        "asset_id",
        Some("ticket_new_asset_disp"),
        "ticket_asset",
        None,
        "{asset}",
    ),
    case(
        "type_id",
        "type_id",
        Some("ticket_new_type_disp"),
        "ticket_new_type",
        None,
        "2",
    ),
    case(
        "technician",
        "technician_id",
        Some("ticket_new_tech_disp"),
        "ticket_tech",
        None,
        "u{tina}",
    ),
    case(
        "category_id",
        "category_id",
        Some("ticket_new_cat_disp"),
        "ticket_new_cat",
        None,
        "2",
    ),
    case(
        "subcategory_id",
        "subcategory_id",
        Some("ticket_new_cat_disp"),
        "ticket_new_cat",
        None,
        "1",
    ),
    case(
        "service_id",
        "service_id",
        Some("ticket_new_service_disp"),
        "ticket_new_service",
        None,
        "{service}",
    ),
];

struct World {
    app: TestApp,
    admin: Client,
    ids: Vec<(&'static str, String)>,
}

impl World {
    fn value(&self, case: &Case) -> String {
        self.ids
            .iter()
            .fold(case.value.to_owned(), |v, (k, id)| v.replace(k, id))
    }

    fn stored(&self, id: i64, case: &Case) -> String {
        self.app.text(&format!(
            "SELECT CAST({} AS TEXT) FROM tickets WHERE id = {id}",
            case.column
        ))
    }

    /// The part of the page that shows field `name`, if any.
    fn field_html(page: &str, name: &str) -> Option<String> {
        let start = page.find(&format!(r#"class="field field-{name}"#))?;
        let rest = &page[start..];
        let end = rest[1..]
            .find(r#"class="field field-"#)
            .map_or(rest.len(), |e| e + 1);
        let end = rest[..end].find("</fieldset>").unwrap_or(end);
        Some(rest[..end].to_owned())
    }

    /// Saves ticket `id` with `value` in field `c` and checks that nothing changed.
    async fn assert_ignored(&self, id: i64, c: &Case, value: &str, before: &str, missing: &str) {
        let r = self
            .admin
            .send_ticket_form(&format!("/tickets/{id}"), &[(c.name, value)], &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}: {}", c.name, r.body);
        assert_eq!(
            self.stored(id, c),
            before,
            "{}: changed without {missing}",
            c.name
        );
    }

    async fn ticket(&self) -> i64 {
        let r = self
            .admin
            .send_ticket_form(
                "/tickets/new",
                &[
                    ("requester", "u1"),
                    ("title", "Rights check"),
                    ("category_id", "1"),
                ],
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        self.app.count("SELECT max(id) FROM tickets")
    }
}

async fn world() -> World {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("uma", "some password", Profile::User).await;
    app.create_user("tina", "some password", Profile::Technician)
        .await;
    for (key, value) in [
        ("ticket_type", "1"),
        ("ticket_places", "1"),
        ("user_agency", "1"),
        ("asset", "1"),
    ] {
        app.set_setting(key, value);
    }
    // Any asset may be chosen (`ticket_asset_user_only` has its own story).
    app.set_right(Profile::Administrator, "ticket_asset_user_only", false);
    app.sql()
        .execute_batch(
            "INSERT INTO places (name) VALUES ('Head office');
             INSERT INTO services (name) VALUES ('Accounting');
             INSERT INTO agencies (name) VALUES ('North');
             INSERT INTO assets (name, state_id, created_at, modified_at)
                 VALUES ('Shared printer', 2, unixepoch(), unixepoch());",
        )
        .expect("lists");
    for c in EXISTING.iter().chain(NEW) {
        app.set_right(Profile::Administrator, c.edit, true);
        if let Some(d) = c.display {
            app.set_right(Profile::Administrator, d, true);
        }
        if let Some(m) = c.mandatory {
            app.set_right(Profile::Administrator, m, false);
        }
    }
    let ids = vec![
        ("{uma}", app.user_id("uma").to_string()),
        ("{tina}", app.user_id("tina").to_string()),
        (
            "{place}",
            app.count("SELECT id FROM places WHERE name = 'Head office'")
                .to_string(),
        ),
        (
            "{asset}",
            app.count("SELECT id FROM assets WHERE name = 'Shared printer'")
                .to_string(),
        ),
        (
            "{service}",
            app.count("SELECT id FROM services WHERE name = 'Accounting'")
                .to_string(),
        ),
        (
            "{agency}",
            app.count("SELECT id FROM agencies WHERE name = 'North'")
                .to_string(),
        ),
    ];
    World { app, admin, ids }
}

#[tokio::test]
async fn every_field_right_hides_locks_or_requires_its_field_on_the_page_and_on_save() {
    let w = world().await;
    let admin = Profile::Administrator;
    for c in EXISTING {
        let id = w.ticket().await;
        let page = format!("/tickets/{id}");
        let value = w.value(c);
        let before = w.stored(id, c);

        if let Some(display) = c.display {
            w.app.set_right(admin, display, false);
            let shown = w.admin.get(&page).await;
            assert!(
                World::field_html(&shown.body, c.name).is_none(),
                "{}: shown without {display}",
                c.name
            );
            w.assert_ignored(id, c, &value, &before, display).await;
            w.app.set_right(admin, display, true);
        }

        if c.display != Some(c.edit) {
            w.app.set_right(admin, c.edit, false);
            let shown = w.admin.get(&page).await;
            let html = World::field_html(&shown.body, c.name)
                .unwrap_or_else(|| panic!("{}: hidden without {}", c.name, c.edit));
            assert!(
                html.contains(&format!(r#"id="f-{}""#, c.name))
                    && !html.contains(&format!(r#"name="{}""#, c.name)),
                "{}: not read-only without {}: {html}",
                c.name,
                c.edit
            );
            w.assert_ignored(id, c, &value, &before, c.edit).await;
            w.app.set_right(admin, c.edit, true);
        }

        let html = World::field_html(&w.admin.get(&page).await.body, c.name).expect("shown");
        assert!(
            html.contains(&format!(r#"name="{}""#, c.name)),
            "{}: not editable: {html}",
            c.name
        );
        let r = w
            .admin
            .send_ticket_form(&page, &[(c.name, &value)], &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}: {}", c.name, r.body);
        let after = w.stored(id, c);
        assert_ne!(after, before, "{}: not changed with {}", c.name, c.edit);

        if let Some(mandatory) = c.mandatory {
            w.app.set_right(admin, mandatory, true);
            let html = World::field_html(&w.admin.get(&page).await.body, c.name).expect("shown");
            assert!(
                html.contains(r#"<span class="required""#) && html.contains(" required"),
                "{}: not marked mandatory",
                c.name
            );
            let r = w.admin.send_ticket_form(&page, &[(c.name, "")], &[]).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}: empty accepted with {mandatory}",
                c.name
            );
            let html = World::field_html(&r.body, c.name).expect("shown");
            assert!(
                html.contains("This field is required."),
                "{}: {html}",
                c.name
            );
            assert_eq!(w.stored(id, c), after);
            w.app.set_right(admin, mandatory, false);
        }
    }

    // Settings switch whole fields off: types, places and agencies.
    for (key, name) in [
        ("ticket_type", "type_id"),
        ("ticket_places", "place_id"),
        ("user_agency", "agency_id"),
    ] {
        w.app.set_setting(key, "0");
        let page = w.admin.get("/tickets/1").await;
        assert!(
            World::field_html(&page.body, name).is_none(),
            "{name} shown with {key} off"
        );
    }
    w.app.stop().await;
}

#[tokio::test]
async fn new_ticket_rights_hide_or_lock_fields_of_the_full_form() {
    let w = world().await;
    let admin = Profile::Administrator;
    for c in NEW {
        let value = w.value(c);
        let mut fields = vec![
            ("requester", "u1".to_owned()),
            ("title", "New rights".to_owned()),
        ];
        if c.name == "subcategory_id" {
            fields.push(("category_id", "1".to_owned()));
        }
        fields.push((c.name, value.clone()));
        let send = |w: &World| {
            let fields: Vec<(&str, String)> = fields.clone();
            let client = w.admin.clone();
            async move {
                let borrowed: Vec<(&str, &str)> =
                    fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                client
                    .send_ticket_form("/tickets/new", &borrowed, &[])
                    .await
            }
        };
        let latest = |w: &World| w.app.count("SELECT max(id) FROM tickets");
        let stored_is = |w: &World, id: i64| w.stored(id, c) == value.trim_start_matches('u');

        let display = c.display.expect("new-ticket fields have a display right");
        w.app.set_right(admin, display, false);
        assert!(
            World::field_html(&w.admin.get("/tickets/new").await.body, c.name).is_none(),
            "{}: shown without {display}",
            c.name
        );
        let r = send(&w).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}: {}", c.name, r.body);
        assert!(
            !stored_is(&w, latest(&w)),
            "{}: set without {display}",
            c.name
        );
        w.app.set_right(admin, display, true);

        w.app.set_right(admin, c.edit, false);
        let html = World::field_html(&w.admin.get("/tickets/new").await.body, c.name)
            .expect("shown read-only");
        assert!(
            !html.contains(&format!(r#"name="{}""#, c.name)),
            "{}: editable without {}",
            c.name,
            c.edit
        );
        let r = send(&w).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}: {}", c.name, r.body);
        assert!(
            !stored_is(&w, latest(&w)),
            "{}: set without {}",
            c.name,
            c.edit
        );
        w.app.set_right(admin, c.edit, true);

        let r = send(&w).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}: {}", c.name, r.body);
        assert!(
            stored_is(&w, latest(&w)),
            "{}: not set with {}",
            c.name,
            c.edit
        );
    }
    w.app.stop().await;
}

/// The rights whose effect the field stories above check (display, edit and mandatory rights
/// of every field, on existing tickets and on the full new-ticket form); the walk of every
/// right counts them as checked.
pub(crate) fn covered_rights() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for c in EXISTING.iter().chain(NEW) {
        out.extend(c.display);
        out.push(c.edit);
        out.extend(c.mandatory);
    }
    out.sort_unstable();
    out.dedup();
    out
}
