#pragma once

namespace mw {

/// Event type ids, exactly the rows migration 1 puts into event_types.
enum EventType : int {
    Sent = 1,
    Open,
    Click,
    Visit,
    ProductView,
    CartAdd,
    Purchase,
    Unsubscribe,
    Bounce,
    Forward,
    Reply,
    Download,
    DemoRequest,
    Review,
    Referral
};

} // namespace mw
