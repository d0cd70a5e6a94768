"""Load the demo: three Wonosobo villages, their BUMDes, experiences and staff, in two languages.

Idempotent: what exists is kept (an editor's changes survive a second `make run`), what is
missing is created. The words come from the data files in `demo.content`; the photos are drawn
locally with Pillow (`demo.images`). The parts: `pages` (home page, site, listing, standard
pages), `villages` (village and experience pages), `staff` (BUMDes and users), `partners` (the
hotel and the agent, their agreements, users and pages), `pictures` (drawn images stored in
Wagtail); `demo.season` books a past season through the services.
"""

from django.db import transaction

from bumdes.models import Enterprise
from demo import content
from demo.loader.pages import featured_load, home_load, standard_pages_load, tour_index_load
from demo.loader.partners import partners_load
from demo.loader.staff import users_load
from demo.loader.tree import DemoRun, DemoSummary
from demo.loader.villages import village_load
from demo.season import season_load


@transaction.atomic
def demo_load(*, password: str, set_passwords: bool = False) -> DemoSummary:
    run = DemoRun.start(password)
    villages = content.villages()
    homes = home_load(run, content.home(), content.site())
    for village in villages:
        village_load(run, village, homes)
    tour_index_load(run, homes, content.tour_index())
    standard_pages_load(run, homes, content.standard_pages())
    featured_load(run, homes, villages)
    users_load(run, villages, set_passwords)
    partners_load(run, homes, content.partners(), set_passwords)
    return run.summary


def demo_season_load() -> list[str]:
    """The past season, one transaction per BUMDes (outside `demo_load`, so that nothing of it
    waits for one big commit)."""
    created = []
    people = content.season()
    for village in content.villages():
        enterprise = Enterprise.objects.get(slug=village["slug"])
        made = season_load(enterprise=enterprise, people=people)
        if made:
            created.append(f"past season of {enterprise.name}: {made} bookings")
    return created
