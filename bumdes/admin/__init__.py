"""The treasurer's screens in the Wagtail admin, and the list of community members.

The "Books" menu (treasurers and managers of a BUMDes, and superusers): the journal with its
reversals, manual entries approved by a second person, the ledger of one account, payments to
community members and partners, periods (lock a month, reopen, close a year, distribute the
profit) and the reports with their downloads. "Community members" is a menu of its own, for the
operators who assign them to departures as much as for the treasurer who pays them.

Every queryset is narrowed to the user's own BUMDes (invariant 6) through `permissions.scoped`;
superusers see every BUMDes and choose one where a screen works on one set of books. Every
change is one service call (`bumdes.ledger`, `bumdes.periods`, `bumdes.manual`,
`bumdes.postings`).
"""
