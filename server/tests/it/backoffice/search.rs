//! Back office, issue "what a new agent tripped over": the search finds what an agent has at hand.

use super::*;

#[tokio::test]
async fn co_borrowers_by_name_and_the_tail_of_a_vin_are_found() {
    let app = seeded().await;
    let agent = staff(&app, AGENT).await;
    let numbers = |found: &Value| -> Vec<String> {
        found["contracts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["number"].as_str().unwrap().to_string())
            .collect()
    };
    let search = |q: &'static str| staff_search(&app, &agent, q);
    // Piotr is a co-borrower with no login: his contract is found by his name.
    let piotr = search("piotr").await;
    assert_eq!(numbers(&piotr), ["LN-2023-004512"]);
    assert_eq!(piotr["contracts"][0]["primary"], "Anna Kowalski");
    // The last six and the last eight characters of Anna's VIN (5UXCR6C03N9K12345).
    for tail in ["k12345", "N9K12345"] {
        let found = search(tail).await;
        assert_eq!(numbers(&found), ["LN-2023-004512"], "{tail}");
        assert_eq!(
            found["customers"][0]["email"], "anna.kowalski@demo.example",
            "{tail}"
        );
    }
    // Five characters are too few to be a VIN tail, and a tail matches only at the end.
    assert!(numbers(&search("12345").await).is_empty());
    assert!(numbers(&search("5UXCR6").await).is_empty());
    // Every search is on the staff trail, with what was typed.
    let searched: Vec<Option<String>> =
        sqlx::query_scalar("SELECT detail FROM staff_actions WHERE action = 'search' ORDER BY id")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    let typed = ["piotr", "k12345", "N9K12345", "12345", "5UXCR6"];
    assert_eq!(searched, typed.map(|t| Some(t.to_string())));
}
