"""Partners' services: their accounts and agreements with each BUMDes (`accounts`), their API
keys (`keys`), attribution of guests who arrive through them (`referrals`), their books
(`books`: commission, receivables, settlements) and monthly statements (`statements`).

Pricing and commission at booking time are part of booking (`tours.booking.partner_terms`)."""
