//! The rights walk through the API: every API route, called with a token of each of the five
//! profiles, answers as the rights matrix says, exactly as the pages do (the same table drives
//! both: a new API route is walked without a line here).

use gestdesk::domain::profiles::Profile;
use gestdesk::web::{Access, api_table};
use reqwest::StatusCode;

use super::make_token;
use crate::access::rights::granted;
use crate::common::{TestApp, concrete_route};

#[tokio::test]
async fn every_api_route_answers_each_profiles_token_as_the_matrix_says() {
    let (app, admin) = TestApp::with_admin().await;
    let mut tokens = Vec::new();
    for (login, profile) in [
        ("walk-user", Profile::User),
        ("walk-power", Profile::PowerUser),
        ("walk-super", Profile::Supervisor),
        ("walk-tech", Profile::Technician),
    ] {
        app.create_user(login, "pw-walk-12345", profile).await;
        tokens.push((
            profile,
            make_token(&admin, &[("name", login), ("login", login)]).await,
        ));
    }
    tokens.push((
        Profile::Administrator,
        make_token(&admin, &[("name", "walk-admin"), ("login", "admin")]).await,
    ));
    let http = reqwest::Client::new();
    let mut checked = 0;
    for route in api_table() {
        // Switched on for the walk, as the pages' walk does.
        if let Some(function) = route.function {
            app.set_setting(function.name(), "1");
        }
        // Parameters point to nothing, so that an allowed call changes nothing.
        let path = concrete_route(route.path, "999999", "categories");
        for (profile, token) in &tokens {
            let rights = granted(&app, *profile);
            let has = |r: gestdesk::domain::rights::Right| rights.contains(r.name());
            let expected = route.access.allows(Some(&has));
            let request = match route.method.as_str() {
                "GET" => http.get(app.url(&path)),
                "POST" => http.post(app.url(&path)).json(&serde_json::json!({})),
                "PATCH" => http
                    .patch(app.url(&path))
                    .header("If-Match", "\"1\"")
                    .json(&serde_json::json!({})),
                other => panic!("a method the walk does not know: {other}"),
            };
            let status = request
                .bearer_auth(token)
                .send()
                .await
                .expect("call")
                .status();
            assert_ne!(status, StatusCode::UNAUTHORIZED, "{profile:?} {path}");
            if expected {
                assert_ne!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{profile:?}'s token refused {} {path}",
                    route.method
                );
            } else {
                assert_eq!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{profile:?}'s token allowed {} {path}",
                    route.method
                );
            }
            assert!(route.access != Access::Anyone);
            checked += 1;
        }
    }
    assert!(checked >= 35, "only {checked} calls checked");
    // Nothing was opened by the walk's calls.
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);
    app.stop().await;
}
