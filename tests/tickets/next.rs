//! Previous and next (`ticket_next`): a ticket opened from a list shows arrows to the tickets
//! before and after it in that list, following the list's order, filter and pages.

use gestdesk::domain::profiles::Profile;

use crate::common::{TestApp, open_ticket};

fn link(body: &str, id: &str) -> Option<String> {
    let at = body.find(&format!("id=\"{id}\""))?;
    let tag = &body[body[..at].rfind('<')?..at + body[at..].find('>')?];
    let href = tag.split("href=\"").nth(1)?;
    Some(href[..href.find('"')?].to_owned())
}

#[tokio::test]
async fn a_ticket_opened_from_a_list_links_to_its_neighbours_in_that_list() {
    let (app, _admin) = TestApp::with_admin().await;
    app.set_setting("rows_per_page", "5");
    let tina = app.login_as("tina", Profile::Technician).await;
    let uma = app.login_as("uma", Profile::User).await;
    let mut ids = Vec::new();
    for title in [
        "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf",
    ] {
        ids.push(open_ticket(&app, &uma, &[("title", title)]).await);
    }
    let (a, b) = (ids[0], ids[1]);
    let ticket = |id: i64| format!("/tickets/{id}");

    // No list seen yet: no arrows.
    assert!(link(&tina.get(&ticket(b)).await.body, "next-ticket").is_none());

    // The list sorted by number, five per page: Bravo sits between Alpha and Charlie.
    tina.get("/tickets?view=all&sort=number&dir=asc").await;
    let page = tina.get(&ticket(b)).await;
    assert_eq!(link(&page.body, "previous-ticket"), Some(ticket(a)));
    assert_eq!(link(&page.body, "next-ticket"), Some(ticket(ids[2])));
    // The last of the page leads to the first of the next page, and the arrows go on from
    // there to the end of the list.
    let page = tina.get(&ticket(ids[4])).await;
    assert_eq!(link(&page.body, "next-ticket"), Some(ticket(ids[5])));
    let page = tina.get(&ticket(ids[5])).await;
    assert_eq!(link(&page.body, "previous-ticket"), Some(ticket(ids[4])));
    assert_eq!(link(&page.body, "next-ticket"), Some(ticket(ids[6])));
    let page = tina.get(&ticket(ids[6])).await;
    assert_eq!(link(&page.body, "previous-ticket"), Some(ticket(ids[5])));
    assert!(link(&page.body, "next-ticket").is_none());

    // A list filtered on one title: the ticket is alone in it.
    tina.get("/tickets?view=all&sort=number&dir=desc&f_title=Bravo")
        .await;
    let page = tina.get(&ticket(b)).await;
    assert!(link(&page.body, "previous-ticket").is_none());
    assert!(link(&page.body, "next-ticket").is_none());

    // Reversed order, without the right: nothing.
    tina.get("/tickets?view=all&sort=number&dir=desc").await;
    assert_eq!(
        link(&tina.get(&ticket(b)).await.body, "next-ticket"),
        Some(ticket(a))
    );
    app.set_right(Profile::Technician, "ticket_next", false);
    assert!(link(&tina.get(&ticket(b)).await.body, "next-ticket").is_none());
    app.stop().await;
}
