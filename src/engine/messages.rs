//! Reading the courier queue: what the admin API's `/admin/courier/messages`
//! and the CLI's `list`/`get courier-messages` show.

use super::{Engine, EngineError};
use crate::courier::outbox::{self, DispatchRecord, MessageFilter, MessageRecord};

impl Engine {
    /// Messages matching `filter`, newest first, one page.
    pub async fn list_messages(
        &self,
        filter: &MessageFilter,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<MessageRecord>, EngineError> {
        let filter = filter.clone();
        self.in_tx(move |_, tx| {
            let filter = filter.clone();
            async move { Ok(outbox::list(&tx, &filter, limit, offset).await?) }
        })
        .await
    }

    /// A message with its dispatch attempts, or None.
    pub async fn get_message(
        &self,
        id: &str,
    ) -> Result<Option<(MessageRecord, Vec<DispatchRecord>)>, EngineError> {
        let id = id.to_string();
        self.in_tx(move |_, tx| {
            let id = id.clone();
            async move { Ok(outbox::get(&tx, &id).await?) }
        })
        .await
    }
}
