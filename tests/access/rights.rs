//! Rights enforced on the server: every route walked with each of the five profiles against
//! the matrix, and the rights matrix page itself.

use std::collections::HashSet;

use gestdesk::domain::profiles::Profile;
use gestdesk::web::{Access, routes};
use reqwest::StatusCode;

use crate::common::{Client, TestApp};

/// A concrete path for a route pattern: parameters point to nothing, so that an allowed request
/// changes nothing (it ends in a 404 or a validation error after the guard let it through).
fn concrete(pattern: &str) -> String {
    crate::common::concrete_route(pattern, "999999", "categories")
}

/// The rights `profile` holds now.
pub fn granted(app: &TestApp, profile: Profile) -> HashSet<String> {
    let sql = app.sql();
    let mut stmt = sql
        .prepare("SELECT right_name FROM profile_rights WHERE profile_id = ?1")
        .expect("prepare");
    stmt.query_map([profile.id()], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

async fn request(client: &Client, method: &str, path: &str) -> crate::common::http::Reply {
    if method == "GET" && path == "/live" {
        // The event stream stays open: its status and headers say enough.
        client.get_head(path).await
    } else if method == "GET" {
        client.get(path).await
    } else {
        let token = client.get("/profile").await.csrf();
        client.post_raw(path, &[("_csrf", &token)]).await
    }
}

/// Walks every route with `clients` and checks each answer against the rights in the database.
async fn walk(app: &TestApp, clients: &[(Profile, Client)]) -> usize {
    let mut checked = 0;
    for route in routes::table() {
        if route.access == Access::Anyone || route.path == "/logout" {
            continue;
        }
        // Switched on for the walk (walking the settings form's POST switches them off).
        if let Some(function) = route.function {
            app.set_setting(function.name(), "1");
        }
        let path = concrete(route.path);
        for (profile, client) in clients {
            let rights = granted(app, *profile);
            let has = |r: gestdesk::domain::rights::Right| rights.contains(r.name());
            let expected = route.access.allows(Some(&has));
            let reply = request(client, route.method.as_str(), &path).await;
            if expected {
                assert_ne!(
                    reply.status,
                    StatusCode::FORBIDDEN,
                    "{profile:?} refused {} {path}",
                    route.method
                );
                assert!(
                    !reply.location().is_some_and(|l| l.starts_with("/login")),
                    "{profile:?} sent to login by {} {path}",
                    route.method
                );
            } else {
                assert_eq!(
                    reply.status,
                    StatusCode::FORBIDDEN,
                    "{profile:?} allowed {} {path}",
                    route.method
                );
            }
            checked += 1;
        }
    }
    checked
}

#[tokio::test]
async fn every_route_answers_each_profile_as_the_matrix_says() {
    let (app, admin) = TestApp::with_admin().await;
    // Functions are walked switched on; switched off, their routes do not exist (below).
    let functions: HashSet<&str> = routes::table()
        .iter()
        .filter_map(|r| r.function.map(|f| f.name()))
        .collect();
    assert!(functions.contains("procedure"));
    let clients = vec![
        (
            Profile::User,
            app.login_as("walk-user", Profile::User).await,
        ),
        (
            Profile::PowerUser,
            app.login_as("walk-power", Profile::PowerUser).await,
        ),
        (
            Profile::Supervisor,
            app.login_as("walk-super", Profile::Supervisor).await,
        ),
        (
            Profile::Technician,
            app.login_as("walk-tech", Profile::Technician).await,
        ),
        (Profile::Administrator, admin.clone()),
    ];
    let checked = walk(&app, &clients).await;
    assert!(checked > 150, "only {checked} requests checked");

    // Not logged in: every guarded route sends to the login page.
    let anonymous = app.client();
    for route in routes::table() {
        if route.access == Access::Anyone || route.method.as_str() != "GET" {
            continue;
        }
        let reply = anonymous.get_head(&concrete(route.path)).await;
        assert!(
            reply.location().is_some_and(|l| l.starts_with("/login")),
            "{} answered {} to a visitor",
            route.path,
            reply.status
        );
    }

    // Changing grants flips the outcome on the next request, and the walk still agrees.
    app.set_right(Profile::User, "admin_groups", true);
    app.set_right(Profile::Technician, "admin", true);
    app.set_right(Profile::Administrator, "admin_user_view", false);
    assert_eq!(
        clients[0].1.get("/admin/groups").await.status,
        StatusCode::OK
    );
    assert_eq!(
        clients[3].1.get("/admin/users").await.status,
        StatusCode::OK
    );
    walk(&app, &clients).await;

    // A function switched off: its routes answer "not found" to everyone logged in, even to
    // those holding its rights, and still send visitors to the login page.
    for f in &functions {
        app.set_setting(f, "0");
    }
    for route in routes::table() {
        if route.function.is_none() {
            continue;
        }
        let path = concrete(route.path);
        for (profile, client) in &clients {
            let reply = request(client, route.method.as_str(), &path).await;
            assert_eq!(
                reply.status,
                StatusCode::NOT_FOUND,
                "{profile:?} reached {} {path} with its function off",
                route.method
            );
        }
        // A route for visitors without a session (a calendar feed) answers "not found" too.
        if route.method.as_str() == "GET" && !matches!(route.access, Access::Anyone) {
            let reply = anonymous.get_head(&path).await;
            assert!(reply.location().is_some_and(|l| l.starts_with("/login")));
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn the_rights_matrix_lists_every_right_and_toggles_with_one_click() {
    let (app, admin) = TestApp::with_admin().await;
    let page = admin.get("/admin/rights").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("data-toggle-right").count(), 195 * 5);
    page.assert_contains("<code>ticket_title_disp</code>")
        .assert_contains("Shows the title field on the ticket")
        .assert_contains("Power user");

    // The filter matches names and descriptions.
    let filtered = admin.get("/admin/rights?q=mandatory").await;
    let rows = filtered.body.matches("<th scope=\"row\">").count();
    assert!(rows > 5 && rows < 30, "{rows}");
    assert!(!filtered.body.contains("<code>ticket_title_disp</code>"));
    let by_text = admin.get("/admin/rights?q=groups%20only").await;
    by_text.assert_contains("<code>admin_groups</code>");

    // A plain form post flips a grant and comes back to the row.
    assert!(!granted(&app, Profile::User).contains("stat"));
    let user = app.login_as("ulla", Profile::User).await;
    let flipped = admin
        .submit(
            "/admin/rights",
            "/admin/rights/toggle",
            &[
                ("right", "admin_groups"),
                ("profile", "2"),
                ("confirm", "1"),
            ],
        )
        .await;
    assert_eq!(flipped.status, StatusCode::SEE_OTHER);
    assert_eq!(flipped.location(), Some("/admin/rights#right-admin_groups"));
    assert!(granted(&app, Profile::User).contains("admin_groups"));
    assert_eq!(
        user.get("/admin/groups").await.status,
        StatusCode::OK,
        "applies on the next request"
    );
    user.get("/")
        .await
        .assert_contains(r#"href="/admin/groups""#);

    // A script gets JSON: a 409 while an administration right is not confirmed (it then sends
    // the form, which asks), the new state once it is.
    let unconfirmed = admin
        .submit_json(
            "/admin/rights",
            "/admin/rights/toggle",
            &[("right", "admin_groups"), ("profile", "2")],
        )
        .await;
    assert_eq!(unconfirmed.status, StatusCode::CONFLICT);
    let json = admin
        .submit_json(
            "/admin/rights",
            "/admin/rights/toggle",
            &[
                ("right", "admin_groups"),
                ("profile", "2"),
                ("confirm", "1"),
            ],
        )
        .await;
    assert_eq!(json.status, StatusCode::OK);
    let value: serde_json::Value = serde_json::from_str(&json.body).expect("json");
    assert_eq!(value["granted"], false);
    assert_eq!(
        user.get("/admin/groups").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.count("SELECT count(*) FROM event_log WHERE kind = 'right_changed'"),
        2
    );

    // Unknown rights and profiles change nothing.
    for (right, profile) in [("no_such_right", "2"), ("admin", "7"), ("admin", "x")] {
        let r = admin
            .submit(
                "/admin/rights",
                "/admin/rights/toggle",
                &[("right", right), ("profile", profile)],
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{right} {profile}");
    }
    assert_eq!(
        app.count("SELECT count(*) FROM profile_rights WHERE profile_id = 2"),
        39
    );
    app.stop().await;
}

/// What a right changes in one answer.
#[derive(Clone, Copy)]
enum Effect {
    /// The page opens with the right, and is refused (403 or 404) without.
    Opens,
    /// The page shows this with the right, and not without.
    Shows(&'static str),
    /// The page hides this with the right, and shows it without (rights that narrow a list).
    Hides(&'static str),
}

/// One right and where its effect shows.
struct Probe {
    right: &'static str,
    /// The profile the right is granted to and taken from; a user of that profile asks.
    profile: Profile,
    /// The page asked for: `{ticket}`, `{resolved}` (awaiting validation), `{procedure}`, `{asset}`, `{tom}`, `{tom_entry}`, `{admin_entry}`,
    /// `{attachment}`, `{service}`, `{agency}`, `{view}` stand for the fixtures.
    path: &'static str,
    effect: Effect,
    /// Rights held at the same time (and taken away), so that only this one makes the change.
    with: &'static [&'static str],
    without: &'static [&'static str],
    /// Settings the effect needs (restored after).
    settings: &'static [(&'static str, &'static str)],
}

/// `p` with the procedures function switched on.
const fn with_procedures(p: Probe) -> Probe {
    Probe {
        settings: &[("procedure", "1")],
        ..p
    }
}

/// `p` with the assets function switched on.
const fn with_assets(p: Probe) -> Probe {
    Probe {
        settings: &[("asset", "1")],
        ..p
    }
}

/// `p` with the calendar function switched on.
const fn with_calendar(p: Probe) -> Probe {
    Probe {
        settings: &[("planning", "1")],
        ..p
    }
}

/// `p` with the availability function switched on (every subcategory monitored, critical
/// tickets counted: the defaults).
const fn with_availability(p: Probe) -> Probe {
    Probe {
        settings: &[("availability", "1")],
        ..p
    }
}

/// `p` with service partitioning on (`user_limit_service`).
const fn partitioned(p: Probe) -> Probe {
    Probe {
        settings: &[("user_limit_service", "1")],
        ..p
    }
}

/// A list column shown by its `dashboard_col_*` right, for a technician.
const fn column(right: &'static str, class: &'static str) -> Probe {
    probe(
        right,
        Profile::Technician,
        "/tickets?view=all",
        Effect::Shows(class),
    )
}

const fn probe(right: &'static str, profile: Profile, path: &'static str, effect: Effect) -> Probe {
    Probe {
        right,
        profile,
        path,
        effect,
        with: &[],
        without: &[],
        settings: &[],
    }
}

use Effect::{Hides, Opens, Shows};
use Profile::{Administrator as A, Technician as T, User as U};

/// Every right that takes effect and is not a ticket field right, with where to see it.
const PROBES: &[Probe] = &[
    probe("admin", T, "/admin/users", Opens),
    probe("ticket_print", T, "/tickets/{ticket}", Shows("/print\"")),
    probe(
        "ticket_cancel",
        T,
        "/tickets/{ticket}",
        Shows("data-cancel"),
    ),
    probe("ticket_cancel", U, "/tickets/new", Shows("data-cancel")),
    // The requester list's details (the address is in `data-mail` either way).
    Probe {
        without: &["ticket_user_mobile"],
        ..probe(
            "ticket_user_mail",
            T,
            "/tickets/{ticket}",
            Shows(r#" · ursula@example.test""#),
        )
    },
    probe(
        "ticket_user_mobile",
        T,
        "/tickets/{ticket}",
        Shows(r#" · 06 12 34 56 78""#),
    ),
    probe(
        "ticket_user_info_mobile",
        T,
        "/tickets/{ticket}",
        Shows("requester-info on-phones"),
    ),
    probe(
        "ticket_billable",
        T,
        "/tickets/{ticket}",
        Shows(r#"name="billable""#),
    ),
    column("ticket_billable", r#"class="col-billable""#),
    // The technician field's options (a requester option carries `data-mail` first).
    probe(
        "ticket_tech_admin",
        T,
        "/tickets/new",
        Shows(r#"value="u{admin_id}" data-detail"#),
    ),
    probe(
        "ticket_tech_super",
        T,
        "/tickets/new",
        Shows(r#"value="u{sam}" data-detail"#),
    ),
    probe(
        "ticket_reopen",
        T,
        "/tickets/{resolved}",
        Shows("/reopen\""),
    ),
    probe(
        "ticket_observer",
        T,
        "/tickets/{ticket}",
        Shows(r#"name="observer""#),
    ),
    Probe {
        without: &["ticket_observer"],
        ..probe(
            "ticket_observer_disp",
            T,
            "/tickets/{ticket}",
            Shows(r#"id="observers""#),
        )
    },
    probe("side_your_observer", T, "/profile", Shows("view=observed")),
    probe("side_group", U, "/profile", Shows("view=users-")),
    probe("side", T, "/profile", Shows(r#"class="sidebar-title""#)),
    probe(
        "side_your_not_attribute",
        T,
        "/profile",
        Shows(r#"view=your&amp;state=5"><svg"#),
    ),
    probe(
        "side_all_wait",
        T,
        "/profile",
        Shows(r#"view=all&amp;state=5"><svg"#),
    ),
    probe(
        "ticket_thread_add",
        T,
        "/tickets/{ticket}",
        Shows(r#"id="f-reply""#),
    ),
    probe(
        "ticket_thread_private_button",
        T,
        "/tickets/{ticket}",
        Shows(r#"id="hidden-reply-button""#),
    ),
    probe(
        "ticket_new_resolution_disp",
        T,
        "/tickets/new",
        Shows(r#"id="f-reply""#),
    ),
    Probe {
        settings: &[("ticket_type", "1")],
        ..probe(
            "ticket_type_answer_disp",
            T,
            "/tickets/{ticket}",
            Shows(r#"name="answer_type_id""#),
        )
    },
    probe(
        "ticket_new_save",
        T,
        "/tickets/new",
        Shows(r#"id="create-button""#),
    ),
    probe(
        "ticket_new_send",
        U,
        "/tickets/new",
        Shows(r#"id="create-button""#),
    ),
    partitioned(probe(
        "ticket_cat_service_only",
        T,
        "/tickets/{ticket}",
        Hides(">Other category<"),
    )),
    partitioned(probe(
        "ticket_priority_service_limit",
        T,
        "/tickets/{ticket}",
        Hides(">Other priority<"),
    )),
    partitioned(probe(
        "ticket_criticality_service_limit",
        T,
        "/tickets/{ticket}",
        Hides(">Other criticality<"),
    )),
    Probe {
        settings: &[("user_limit_service", "1"), ("ticket_type", "1")],
        ..probe(
            "ticket_type_service_limit",
            T,
            "/tickets/{ticket}",
            Hides(">Other type<"),
        )
    },
    partitioned(probe(
        "ticket_tech_service_lock",
        T,
        "/tickets/{ticket}",
        Hides(r#"value="u{otto}" data-detail"#),
    )),
    probe(
        "ticket_sender_service_disp",
        T,
        "/tickets/{ticket}",
        Shows(r#"id="sender-service""#),
    ),
    probe("ticket_fusion", T, "/tickets/{ticket}", Shows("/merge\"")),
    // Tom saw the list of every ticket before the probes.
    probe(
        "ticket_next",
        T,
        "/tickets/{ticket}",
        Shows(r#"class="ticket-around""#),
    ),
    probe(
        "ticket_delete",
        T,
        "/tickets/{ticket}",
        Shows("/tickets/{ticket}/delete\""),
    ),
    probe(
        "task_checkbox",
        T,
        "/tickets?view=all",
        Shows(r#"id="bulk-form""#),
    ),
    probe(
        "ticket_resolution_text_only",
        T,
        "/tickets/{ticket}",
        Hides("event-entry"),
    ),
    probe(
        "ticket_save_close",
        T,
        "/tickets/{ticket}",
        Shows(r#"name="close""#),
    ),
    probe(
        "ticket_user_validation",
        T,
        "/tickets/{resolved}",
        Shows("/tickets/{resolved}/validation/confirm"),
    ),
    probe(
        "ticket_resolution_insert_image",
        T,
        "/tickets/{ticket}",
        Shows(r#"data-paste-for="f-reply""#),
    ),
    probe(
        "ticket_description_insert_image",
        T,
        "/tickets/{ticket}",
        Shows(r#"data-paste-for="f-description""#),
    ),
    with_procedures(probe(
        "search",
        T,
        "/tickets?view=all&q=zzzunmatched",
        Hides("Fixture printer"),
    )),
    probe(
        "search",
        T,
        "/tickets?view=all",
        Shows(r#"id="list-search""#),
    ),
    probe("userbar", T, "/activity", Opens),
    with_procedures(probe("procedure", U, "/procedures", Opens)),
    with_procedures(probe("procedure_add", T, "/procedures/new", Opens)),
    with_procedures(probe(
        "procedure_delete",
        T,
        "/procedures/{procedure}",
        Shows("/delete\""),
    )),
    with_procedures(probe(
        "procedure_modify",
        T,
        "/procedures/{procedure}/edit",
        Opens,
    )),
    with_procedures(probe(
        "procedure_company",
        T,
        "/procedures/new",
        Shows(r#"name="company""#),
    )),
    with_procedures(probe(
        "procedure_list_company_only",
        T,
        "/procedures",
        Hides("Initech procedure"),
    )),
    with_assets(probe("asset", T, "/assets", Opens)),
    // Availability: its page, a ticket's unavailability (the resolved fixture is a critical
    // ticket of a subcategory), and correcting it.
    with_availability(probe("availability", T, "/availability", Opens)),
    with_availability(probe(
        "ticket_availability_disp",
        T,
        "/tickets/{resolved}",
        Shows(r#"id="unavailability""#),
    )),
    with_availability(Probe {
        with: &["ticket_availability_disp"],
        ..probe(
            "ticket_availability",
            T,
            "/tickets/{resolved}",
            Shows("/unavailability\""),
        )
    }),
    // Statistics: the page, and the time per state on it.
    probe("stat", T, "/statistics", Opens),
    Probe {
        with: &["stat"],
        ..probe(
            "stat_ticket_time_by_states",
            T,
            "/statistics",
            Shows(r#"id="time-by-state""#),
        )
    },
    // The calendar: its page, entries coloured by technician, planning from a ticket.
    with_calendar(probe("planning", T, "/calendar", Opens)),
    with_calendar(Probe {
        with: &["planning"],
        ..probe("planning_tech_color", T, "/calendar", Shows("tech-colored"))
    }),
    with_calendar(Probe {
        with: &["planning", "ticket_calendar"],
        ..probe(
            "planning_direct_event",
            T,
            "/calendar",
            Shows(r#"id="direct-plan""#),
        )
    }),
    with_calendar(probe(
        "ticket_calendar",
        T,
        "/tickets/{ticket}",
        Shows(r#"id="interventions""#),
    )),
    with_assets(probe("side_asset_create", T, "/assets/new", Opens)),
    // Network discovery: its page (with the IP management switch too).
    Probe {
        settings: &[("asset", "1"), ("asset_ip", "1")],
        ..probe("asset_net_scan", T, "/assets/discovery", Opens)
    },
    with_assets(probe(
        "asset_delete",
        T,
        "/assets/{asset}",
        Shows("/delete\""),
    )),
    with_assets(probe(
        "asset_location_disp",
        T,
        "/assets/new",
        Shows(r#"name="location""#),
    )),
    with_assets(probe(
        "asset_virtualization_disp",
        T,
        "/assets/new",
        Shows(r#"name="virtual""#),
    )),
    with_assets(probe(
        "asset_list_col_location",
        T,
        "/assets",
        Shows(r#"name="location" form="asset-filters""#),
    )),
    with_assets(probe(
        "asset_list_col_sn_manufacturer",
        T,
        "/assets",
        Shows("SN-FIXTURE-1"),
    )),
    with_assets(probe(
        "asset_list_company_only",
        T,
        "/assets",
        Hides("Initech laptop"),
    )),
    with_assets(probe(
        "asset_list_department_only",
        T,
        "/assets",
        Hides("Initech laptop"),
    )),
    with_assets(probe(
        "asset_list_view_only",
        T,
        "/assets/{asset}",
        Hides("/edit\""),
    )),
    with_assets(probe(
        "side_asset_all_state",
        T,
        "/assets",
        Shows("All states"),
    )),
    Probe {
        right: "ticket_asset_user_only",
        profile: T,
        path: "/tickets/{ticket}",
        effect: Hides("Initech laptop"),
        with: &["ticket_asset", "ticket_asset_disp"],
        without: &[],
        settings: &[("asset", "1")],
    },
    probe("admin_groups", T, "/admin/groups", Opens),
    probe("admin_backup", T, "/admin/backups", Opens),
    probe(
        "admin_user_profile",
        A,
        "/admin/users/{tom}",
        Shows(r#"name="profile""#),
    ),
    probe(
        "admin_user_view",
        A,
        "/admin/users/{tom}",
        Shows("/views\""),
    ),
    probe("admin_lists", T, "/admin/lists/companies", Opens),
    probe("admin_lists_category", T, "/admin/lists/categories", Opens),
    probe("admin_lists_subcat", T, "/admin/lists/subcategories", Opens),
    probe(
        "admin_lists_criticality",
        T,
        "/admin/lists/criticalities",
        Opens,
    ),
    probe("admin_lists_priority", T, "/admin/lists/priorities", Opens),
    probe("admin_lists_type", T, "/admin/lists/types", Opens),
    probe(
        "dashboard_firstname",
        T,
        "/tickets?view=all&state=all",
        Shows(r#"title="Test ursula""#),
    ),
    column("dashboard_col_technician", r#"class="col-technician""#),
    column(
        "dashboard_col_user_service",
        r#"class="col-requester-service""#,
    ),
    column("dashboard_col_service", r#"class="col-service""#),
    with_assets(column("dashboard_col_asset", r#"class="col-asset""#)),
    Probe {
        settings: &[("user_agency", "1")],
        ..column("dashboard_col_agency", r#"class="col-agency""#)
    },
    column("dashboard_col_company", r#"class="col-company""#),
    Probe {
        settings: &[("ticket_type", "1")],
        ..column("dashboard_col_type", r#"class="col-type""#)
    },
    column("dashboard_col_category", r#"class="col-category""#),
    column("dashboard_col_subcat", r#"class="col-subcategory""#),
    column("dashboard_col_criticality", r#"class="col-criticality""#),
    column("dashboard_col_priority", r#"class="col-priority""#),
    column("dashboard_col_date_create", r#"class="col-created""#),
    Probe {
        with: &["dashboard_col_date_create"],
        without: &["dashboard_col_date_modif"],
        ..probe(
            "dashboard_col_date_create_hour",
            T,
            "/tickets?view=all",
            Shows("{created_with_hour}"),
        )
    },
    column("dashboard_col_date_hope", r#"class="col-hope""#),
    column("dashboard_col_date_res", r#"class="col-resolved""#),
    column("dashboard_col_date_modif", r#"class="col-modified""#),
    column("dashboard_col_time", r#"class="col-time""#),
    probe("side_open_ticket", U, "/tickets/new", Opens),
    Probe {
        settings: &[("user_company_view", "1")],
        ..probe("side_company", U, "/profile", Shows("view=company"))
    },
    probe("side_view", T, "/profile", Shows("view=personal-{view}")),
    probe(
        "side_your",
        T,
        "/profile",
        Shows(r#"<h2 class="sidebar-title">Your tickets</h2>"#),
    ),
    probe(
        "side_your_not_read",
        T,
        "/profile",
        Shows(r#"view=your&amp;state=unread"><svg"#),
    ),
    Probe {
        settings: &[("meta_state", "1")],
        ..probe(
            "side_your_meta",
            T,
            "/profile",
            Shows(r#"view=your&amp;state=meta"><svg"#),
        )
    },
    probe(
        "side_your_tech_group",
        T,
        "/profile",
        Shows("[G] Fixture technicians"),
    ),
    probe(
        "side_all",
        T,
        "/profile",
        Shows(r#"<h2 class="sidebar-title">All tickets</h2>"#),
    ),
    Probe {
        settings: &[("meta_state", "1")],
        ..probe(
            "side_all_meta",
            T,
            "/profile",
            Shows(r#"view=all&amp;state=meta"><svg"#),
        )
    },
    Probe {
        settings: &[("user_limit_service", "1")],
        ..probe(
            "side_all_service_disp",
            T,
            "/profile",
            Shows("view=service-{service}"),
        )
    },
    Probe {
        settings: &[("user_agency", "1")],
        ..probe(
            "side_all_agency_disp",
            T,
            "/profile",
            Shows("view=agency-{agency}"),
        )
    },
    partitioned(probe(
        "dashboard_service_only",
        T,
        "/tickets?view=all&state=all",
        Hides("Fixture elsewhere"),
    )),
    Probe {
        settings: &[("user_agency", "1")],
        ..probe(
            "dashboard_agency_only",
            T,
            "/tickets?view=all&state=all",
            Hides("Fixture elsewhere"),
        )
    },
    Probe {
        with: &["side_all_service_disp"],
        ..partitioned(probe(
            "side_all_service_edit",
            U,
            "/tickets/{service_ticket}",
            Shows(r#"id="save-button""#),
        ))
    },
    Probe {
        settings: &[("user_agency", "1")],
        with: &["side_all_agency_disp"],
        ..probe(
            "side_all_agency_edit",
            U,
            "/tickets/{agency_ticket}",
            Shows(r#"id="save-button""#),
        )
    },
    probe(
        "ticket_template",
        T,
        "/tickets/new",
        Shows(r#"id="f-template""#),
    ),
    probe(
        "ticket_event",
        T,
        "/tickets/{ticket}",
        Shows(r#"id="reminders""#),
    ),
    probe(
        "ticket_save",
        U,
        "/tickets/{ticket}",
        Shows("data-saves-fields"),
    ),
    probe("ticket_user_actions", T, "/users/quick", Opens),
    probe("ticket_user_company", T, "/tickets/new", Shows("ACME – ")),
    probe("ticket_cat_actions", T, "/subcategories/quick", Opens),
    probe(
        "ticket_resolution_disp",
        U,
        "/tickets/{ticket}",
        Shows(r#"id="thread""#),
    ),
    probe(
        "ticket_attachment",
        U,
        "/tickets/{ticket}",
        Shows(r#"id="f-attachments""#),
    ),
    probe(
        "ticket_attachment_delete",
        T,
        "/tickets/{ticket}",
        Shows("/attachments/{attachment}/delete"),
    ),
    probe(
        "ticket_close",
        U,
        "/tickets/{ticket}",
        Shows("/tickets/{ticket}/close"),
    ),
    probe("ticket_send_mail", T, "/tickets/{ticket}/mail", Opens),
    probe(
        "ticket_thread_post",
        U,
        "/tickets/{ticket}",
        Shows(r#"id="f-reply""#),
    ),
    Probe {
        without: &["ticket_thread_edit_all"],
        ..probe(
            "ticket_thread_edit",
            T,
            "/tickets/{ticket}",
            Shows("/entries/{tom_entry}\""),
        )
    },
    Probe {
        without: &["ticket_thread_edit"],
        ..probe(
            "ticket_thread_edit_all",
            T,
            "/tickets/{ticket}",
            Shows("/entries/{admin_entry}\""),
        )
    },
    Probe {
        without: &["ticket_thread_delete_all"],
        ..probe(
            "ticket_thread_delete",
            T,
            "/tickets/{ticket}",
            Shows("/entries/{tom_entry}/delete"),
        )
    },
    Probe {
        without: &["ticket_thread_delete"],
        ..probe(
            "ticket_thread_delete_all",
            T,
            "/tickets/{ticket}",
            Shows("/entries/{admin_entry}/delete"),
        )
    },
    probe(
        "ticket_thread_private",
        T,
        "/tickets/{ticket}",
        Shows("/entries/{admin_entry}/private"),
    ),
    Probe {
        with: &["ticket_new_user"],
        ..probe(
            "ticket_new_user_disp",
            T,
            "/tickets/new",
            Shows(r#"name="requester""#),
        )
    },
    Probe {
        with: &["ticket_new_user_disp"],
        ..probe(
            "ticket_new_user",
            T,
            "/tickets/new",
            Shows(r#"name="requester""#),
        )
    },
    Probe {
        settings: &[("user_advanced", "1")],
        ..probe(
            "user_profil_company",
            U,
            "/profile",
            Shows(r#"name="company""#),
        )
    },
    probe(
        "user_profil_service",
        U,
        "/profile",
        Shows(r#"name="services""#),
    ),
    Probe {
        settings: &[("user_agency", "1")],
        ..probe(
            "user_profil_agency",
            U,
            "/profile",
            Shows(r#"name="agencies""#),
        )
    },
];

/// Rights that did nothing (denying `search` left search working; granting `admin_backup` did
/// not open the backups page): every right of the matrix now either changes what the server
/// answers, checked here one by one (with it and without it, everything else equal), or is
/// marked on the rights page as doing nothing in this version.
#[tokio::test]
async fn every_right_takes_effect_or_says_it_does_not_yet() {
    let (app, admin) = TestApp::with_admin().await;
    let tom = app.login_as("tom", Profile::Technician).await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let (tom_id, ursula_id) = (app.user_id("tom"), app.user_id("ursula"));
    // A supervisor, whom the technician field offers with `ticket_tech_super`.
    app.create_user("sam", "supervisor pass", Profile::Supervisor)
        .await;
    let (sam_id, admin_id) = (app.user_id("sam"), app.user_id(crate::common::ADMIN_LOGIN));
    // A technician of no service, whom `ticket_tech_service_lock` leaves out.
    app.create_user("otto", "technician pass", Profile::Technician)
        .await;
    let otto_id = app.user_id("otto");
    let sql = app.sql();
    sql.execute_batch(&format!(
        "INSERT INTO companies (name) VALUES ('ACME'), ('Initech');
         UPDATE users SET company_id = (SELECT id FROM companies WHERE name = 'ACME') WHERE id IN ({tom_id}, {ursula_id});
         INSERT INTO services (name) VALUES ('Fixture service');
         INSERT INTO user_services (user_id, service_id) SELECT {tom_id}, id FROM services WHERE name = 'Fixture service';
         INSERT INTO user_services (user_id, service_id) SELECT {ursula_id}, id FROM services WHERE name = 'Fixture service';
         INSERT INTO agencies (name) VALUES ('Fixture agency');
         INSERT INTO user_agencies (user_id, agency_id) SELECT {tom_id}, id FROM agencies;
         INSERT INTO user_agencies (user_id, agency_id) SELECT {ursula_id}, id FROM agencies;
         INSERT INTO groups (name, kind) VALUES ('Fixture technicians', 'technician');
         INSERT INTO group_members (group_id, user_id) SELECT id, {tom_id} FROM groups;
         INSERT INTO personal_views (user_id, name, category_id) VALUES ({tom_id}, 'Hardware', 1);
         UPDATE users SET mail = 'ursula@example.test', mobile = '06 12 34 56 78' WHERE id = {ursula_id};
         INSERT INTO services (name) VALUES ('Other service');
         INSERT INTO categories (position, name, service_id) SELECT 9, 'Other category', id FROM services WHERE name = 'Other service';
         INSERT INTO priorities (position, name, color, service_id) SELECT 9, 'Other priority', '#123456', id FROM services WHERE name = 'Other service';
         INSERT INTO criticalities (position, name, color, service_id) SELECT 9, 'Other criticality', '#123456', id FROM services WHERE name = 'Other service';
         INSERT INTO ticket_types (name, service_id) SELECT 'Other type', id FROM services WHERE name = 'Other service';"
    ))
    .expect("fixtures");
    let ticket = crate::common::open_ticket(
        &app,
        &admin,
        &[
            ("requester", &format!("u{ursula_id}")),
            ("technician", &format!("u{tom_id}")),
            ("title", "Fixture printer"),
            ("hope_date", "2099-01-01"),
        ],
    )
    .await;
    let page = format!("/tickets/{ticket}");
    let r = admin
        .send_ticket_form(
            &page,
            &[("reply", "From the admin")],
            &[("scan.txt", b"scan")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = tom
        .send_ticket_form(&page, &[("reply", "From Tom")], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    sql.execute_batch(&format!(
        "INSERT INTO ticket_templates (name, ticket_id) VALUES ('Fixture template', {ticket});
         UPDATE tickets SET created_at = 1768473000 WHERE id = {ticket};"
    ))
    .expect("template");
    app.set_setting("procedure", "1");
    let form = admin.get("/procedures/new").await;
    let initech = app.count("SELECT id FROM companies WHERE name = 'Initech'");
    let r = admin
        .send_upload_form_from(
            &form,
            "procedure-form",
            &[
                ("title", "Initech procedure"),
                ("body", "Steps"),
                ("company", &initech.to_string()),
                ("published", "1"),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    sql.execute(
        "UPDATE procedures SET company_id = ?1 WHERE title = 'Initech procedure'",
        [initech],
    )
    .expect("company");
    app.set_setting("procedure", "0");
    // A resolved ticket waiting for its requester's validation.
    let resolved = crate::common::open_ticket(
        &app,
        &admin,
        &[
            ("requester", &format!("u{ursula_id}")),
            ("technician", &format!("u{tom_id}")),
            ("title", "Fixture resolved"),
        ],
    )
    .await;
    sql.execute(
        "UPDATE tickets SET state_id = 3, resolved_at = unixepoch(), validation_asked_at = unixepoch()
         WHERE id = ?1",
        [resolved],
    )
    .expect("resolved");
    // It was a critical outage of a service: availability counts it.
    sql.execute_batch(&format!(
        "INSERT INTO categories (position, name) VALUES (8, 'Fixture outages');
         INSERT INTO subcategories (category_id, name)
             SELECT id, 'Fixture mail' FROM categories WHERE name = 'Fixture outages';
         UPDATE tickets SET criticality_id = 1,
             category_id = (SELECT id FROM categories WHERE name = 'Fixture outages'),
             subcategory_id = (SELECT id FROM subcategories WHERE name = 'Fixture mail')
         WHERE id = {resolved};"
    ))
    .expect("outage");
    // Tickets Tom does not handle: of no service, of the fixture service, of the agency.
    sql.execute_batch(&format!(
        "INSERT INTO tickets (title, state_id, created_at, modified_at)
             VALUES ('Fixture elsewhere', 5, unixepoch(), unixepoch());
         INSERT INTO tickets (title, state_id, created_at, modified_at, requester_id, service_id)
             SELECT 'Fixture service ticket', 5, unixepoch(), unixepoch(), {admin_id}, id
             FROM services WHERE name = 'Fixture service';
         INSERT INTO tickets (title, state_id, created_at, modified_at, requester_id, agency_id)
             SELECT 'Fixture agency ticket', 5, unixepoch(), unixepoch(), {admin_id}, id
             FROM agencies WHERE name = 'Fixture agency';
         INSERT INTO groups (name, kind) VALUES ('Fixture users', 'user');
         INSERT INTO group_members (group_id, user_id)
             SELECT id, {ursula_id} FROM groups WHERE name = 'Fixture users';"
    ))
    .expect("more tickets");
    // An asset of the administrator (of no company and no service), installed.
    sql.execute(
        "INSERT INTO assets (name, sn_manufacturer, state_id, user_id, created_at, modified_at)
         VALUES ('Initech laptop', 'SN-FIXTURE-1', 2, ?1, unixepoch(), unixepoch())",
        [admin_id],
    )
    .expect("asset");
    let service_ticket = app.count("SELECT id FROM tickets WHERE title = 'Fixture service ticket'");
    let agency_ticket = app.count("SELECT id FROM tickets WHERE title = 'Fixture agency ticket'");
    let ids = [
        ("{service_ticket}", service_ticket.to_string()),
        ("{agency_ticket}", agency_ticket.to_string()),
        ("{ticket}", ticket.to_string()),
        ("{resolved}", resolved.to_string()),
        (
            "{procedure}",
            app.count("SELECT max(id) FROM procedures").to_string(),
        ),
        (
            "{asset}",
            app.count("SELECT max(id) FROM assets").to_string(),
        ),
        ("{tom}", tom_id.to_string()),
        ("{sam}", sam_id.to_string()),
        ("{otto}", otto_id.to_string()),
        ("{admin_id}", admin_id.to_string()),
        (
            "{tom_entry}",
            app.count("SELECT id FROM thread_entries WHERE body = 'From Tom'")
                .to_string(),
        ),
        (
            "{admin_entry}",
            app.count("SELECT id FROM thread_entries WHERE body = 'From the admin'")
                .to_string(),
        ),
        (
            "{attachment}",
            app.count("SELECT max(id) FROM attachments").to_string(),
        ),
        (
            "{service}",
            app.count("SELECT id FROM services").to_string(),
        ),
        ("{agency}", app.count("SELECT id FROM agencies").to_string()),
        (
            "{view}",
            app.count("SELECT id FROM personal_views").to_string(),
        ),
        (
            "{created_with_hour}",
            gestdesk::i18n::format_datetime(gestdesk::i18n::Lang::En, 1_768_473_000),
        ),
    ];
    let fill = |text: &str| {
        ids.iter()
            .fold(text.to_owned(), |t, (k, v)| t.replace(k, v))
    };
    let client_of = |p: Profile| match p {
        Profile::Technician => &tom,
        Profile::User => &ursula,
        _ => &admin,
    };

    // A list seen, for the previous and next arrows of `ticket_next`.
    tom.get("/tickets?view=all&state=all").await;
    let mut checked: HashSet<&str> = HashSet::new();
    for p in PROBES {
        let before = granted(&app, p.profile);
        for (k, v) in p.settings {
            app.set_setting(k, v);
        }
        for r in p.with {
            app.set_right(p.profile, r, true);
        }
        for r in p.without {
            app.set_right(p.profile, r, false);
        }
        let path = fill(p.path);
        let mut seen = Vec::new();
        for holds in [true, false] {
            app.set_right(p.profile, p.right, holds);
            let reply = client_of(p.profile).get(&path).await;
            let as_expected = match p.effect {
                Opens => reply.status.is_success() == holds,
                Shows(text) => reply.body.contains(&fill(text)) == holds,
                Hides(text) => reply.body.contains(&fill(text)) != holds,
            };
            seen.push(as_expected);
            let context = match p.effect {
                Shows(t) | Hides(t) => reply.body.find(&fill(t)).map_or(String::new(), |at| {
                    let body = &reply.body;
                    let mut from = at.saturating_sub(300);
                    while !body.is_char_boundary(from) {
                        from -= 1;
                    }
                    let mut to = (at + 100).min(body.len());
                    while !body.is_char_boundary(to) {
                        to += 1;
                    }
                    body[from..to].to_owned()
                }),
                Opens => String::new(),
            };
            assert!(
                as_expected,
                "{} for {:?} {}: {path} answered {} (ok: {seen:?}) {context}",
                p.right,
                p.profile,
                if holds { "granted" } else { "denied" },
                reply.status
            );
        }
        // Back as it was.
        for (r, _) in p
            .with
            .iter()
            .chain(p.without)
            .map(|r| (r, ()))
            .chain([(&p.right, ())])
        {
            app.set_right(p.profile, r, before.contains(*r));
        }
        for (k, _) in p.settings {
            app.set_setting(k, "0");
        }
        checked.insert(p.right);
    }
    checked.extend(crate::tickets::field_rights::covered_rights());

    // Every right of the matrix: checked above, or said to do nothing yet on the rights page.
    app.set_setting("procedure", "0");
    let matrix = admin.get("/admin/rights").await;
    let all: Vec<String> = {
        let mut stmt = sql.prepare("SELECT name FROM rights").expect("rights");
        stmt.query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    assert_eq!(all.len(), 195);
    let mut unaccounted = Vec::new();
    for right in &all {
        let pending = gestdesk::domain::rights::pending::pending(right).is_some();
        assert!(
            !(pending && checked.contains(right.as_str())),
            "{right} takes effect but is marked as doing nothing yet"
        );
        if pending {
            let row_start = matrix
                .body
                .find(&format!(r#"id="right-{right}""#))
                .unwrap_or_else(|| panic!("{right} not in the matrix"));
            let row = &matrix.body[row_start
                ..matrix.body[row_start..]
                    .find("</tr>")
                    .map_or(matrix.body.len(), |e| row_start + e)];
            assert!(
                row.contains("No effect in this version"),
                "{right} is not marked: {row}"
            );
        } else if !checked.contains(right.as_str()) {
            unaccounted.push(right.clone());
        }
    }
    assert!(
        unaccounted.is_empty(),
        "rights neither checked nor marked as doing nothing yet: {unaccounted:?}"
    );
    app.stop().await;
}

/// The names of the `pub const NAME: Right = Right("name");` lines of the rights list.
fn right_constants(source: &str) -> Vec<(String, String)> {
    source
        .lines()
        .filter_map(|l| {
            let l = l.trim().strip_prefix("pub const ")?;
            let (constant, rest) = l.split_once(": Right = Right(\"")?;
            let name = rest.strip_suffix("\");")?;
            Some((constant.to_owned(), name.to_owned()))
        })
        .collect()
}

/// Every `.rs` file under `dir` (without its unit tests), except those named in `skip`.
fn sources(dir: &std::path::Path, skip: &[&str], out: &mut String) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, skip, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && !skip.iter().any(|s| path.ends_with(s))
        {
            // What the product runs: the unit tests at the end of a file do not count.
            let text = std::fs::read_to_string(&path).expect("source");
            out.push_str(text.split("#[cfg(test)]").next().unwrap_or_default());
            out.push('\n');
        }
    }
}

/// Whether `code` names `::constant` (and not a longer name that starts with it).
fn names_constant(code: &str, constant: &str) -> bool {
    let pattern = format!("::{constant}");
    code.match_indices(&pattern).any(|(at, _)| {
        code[at + pattern.len()..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
    })
}

#[test]
fn every_seeded_right_is_read_by_the_code_or_waits_for_its_planned_function() {
    use gestdesk::domain::rights::{names, pending};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let constants = right_constants(
        &std::fs::read_to_string(root.join("crates/core/src/domain/rights/names.rs"))
            .expect("rights list"),
    );
    // The migrations seed exactly the list (a unit test compares them with a fresh database).
    assert_eq!(constants.len(), names::ALL.len());
    let mut code = String::new();
    let skip = ["rights/names.rs", "rights/pending.rs"];
    sources(&root.join("src"), &skip, &mut code);
    sources(&root.join("crates/core/src"), &skip, &mut code);
    // GestSup functions no work item plans yet: their rights wait without one.
    let unplanned = ["project", "contract"];
    let mut unread = Vec::new();
    for (constant, name) in &constants {
        let read = names_constant(&code, constant);
        match pending::pending(name) {
            Some(why) => {
                assert!(!read, "{name} is read by the code but listed as pending");
                assert!(
                    why.planned_in().is_some() || unplanned.contains(&name.as_str()),
                    "{name} waits for a function nothing plans"
                );
            }
            None if !read => unread.push(name.clone()),
            None => {}
        }
    }
    assert!(
        unread.is_empty(),
        "rights no code reads and no planned function waits for: {unread:?}"
    );
}
