//! Message Center (seed 001): a customer writes to the lender about a topic and, optionally, one of
//! their contracts; staff answer; each message is kept 30 days from the day it was sent (seed 001),
//! unless the lender holds the thread. Shared types here; rules and SQL in `service`; endpoints in
//! `api`; the pages in `inbox_page`, `compose_page` and `thread_page`; files sent with messages in
//! `attachments` (rules and SQL) and `files` (their upload and download routes).

pub mod api;
pub mod attach_field;
#[cfg(feature = "ssr")]
pub mod attachments;
pub mod compose_page;
#[cfg(feature = "ssr")]
pub mod files;
pub mod inbox_page;
#[cfg(feature = "ssr")]
pub mod linked;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod staff;
pub mod thread_page;

use crate::domain::message::Topic;
use crate::i18n::{t, Locale};
use serde::{Deserialize, Serialize};
use time::Date;

/// Where a conversation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThreadStatus {
    /// The lender owes an answer.
    Open,
    /// The lender wrote last.
    Answered,
    /// Closed by the lender; the customer's reply reopens it.
    Closed,
}

impl ThreadStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ThreadStatus::Open => "open",
            ThreadStatus::Answered => "answered",
            ThreadStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<ThreadStatus> {
        [
            ThreadStatus::Open,
            ThreadStatus::Answered,
            ThreadStatus::Closed,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// A conversation in the customer's inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadSummary {
    pub id: i64,
    /// `MSG-…`, quoted when calling about it.
    pub reference: String,
    pub topic: Topic,
    /// The contract it concerns ("general" when none).
    pub contract_number: Option<String>,
    pub status: ThreadStatus,
    pub last_message_at: i64,
    /// The lender wrote since the customer last opened it.
    pub unread: bool,
    /// The day its last message is deleted (the thread with it); none while the lender holds it.
    pub expires_on: Option<Date>,
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub from_lender: bool,
    /// Plain text, shown as text.
    pub body: String,
    pub sent_at: i64,
    /// The day it is deleted; none while the lender holds the thread.
    pub expires_on: Option<Date>,
    pub attachments: Vec<AttachmentView>,
}

/// A file sent with a message (downloaded from `/messages/attachments/{id}`, or the back office's
/// `/backoffice/attachments/{id}`), or just uploaded and waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub id: i64,
    /// The sanitised name it downloads under.
    pub name: String,
    pub size: u64,
}

/// A conversation, whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadView {
    pub summary: ThreadSummary,
    pub messages: Vec<MessageView>,
}

/// What a send came to: the thread and its reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    pub thread_id: i64,
    pub reference: String,
}

pub fn topic_label(l: Locale, topic: Topic) -> String {
    t(
        l,
        &format!("messages-topic-{}", topic.as_str().replace('_', "-")),
    )
}

pub fn status_label(l: Locale, status: ThreadStatus) -> String {
    t(l, &format!("messages-status-{}", status.as_str()))
}

/// A conversation awaiting the lender, as the back office's queue lists it (oldest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub id: i64,
    pub reference: String,
    pub topic: Topic,
    pub customer: String,
    pub contract_number: Option<String>,
    /// The customer's first message since the lender last wrote.
    pub waiting_since: i64,
    /// The service level: answered by the end of the next business day.
    pub due_by: Date,
    pub overdue: bool,
    pub assigned_to: Option<String>,
}

/// A conversation as staff see it: the customer beside it, every message with its author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffThread {
    pub id: i64,
    pub reference: String,
    pub topic: Topic,
    pub status: ThreadStatus,
    pub customer_id: i64,
    pub customer: String,
    /// The customer's language (canned answers are offered in it).
    pub language: String,
    pub contract_number: Option<String>,
    pub legal_hold: bool,
    pub assigned_to: Option<String>,
    pub messages: Vec<StaffMessage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMessage {
    /// The staff member who wrote it; none for the customer's.
    pub staff: Option<String>,
    pub body: String,
    pub sent_at: i64,
    pub attachments: Vec<AttachmentView>,
}
