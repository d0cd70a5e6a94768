"""The partner portal: hotels and agents log in here (not the Wagtail admin) to book for their
guests, print vouchers and read their commission and statements."""
