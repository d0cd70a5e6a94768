"""Each village's BUMDes with its business units, and the demo's staff users.

Every BUMDes gets one user per staff role (`<village>-editor`, `-operator`, `-treasurer`,
`-manager`) besides the superuser `admin`. Existing users keep their password unless the command
was given one explicitly.
"""

from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from wagtail.images.models import Image
from wagtail.models import Collection

from bumdes.models import BusinessUnit, Enterprise, Role
from bumdes.services import enterprise_create, enterprise_setup, staff_assign
from demo.images.emblem import emblem
from demo.images.palette import GREENS
from demo.loader.tree import DemoRun


def enterprise_load(run: DemoRun, village: dict) -> Enterprise:
    enterprise = Enterprise.objects.filter(slug=village["slug"]).first()
    if enterprise is None:
        enterprise = enterprise_create(
            slug=village["slug"],
            ref_prefix=village["ref_prefix"],
            units=[(u["slug"], u["name"]["id"]) for u in village["units"]],
            **village["enterprise"],
        )
        run.summary.created.append(f"BUMDes {enterprise.name}")
    else:
        enterprise_setup(enterprise=enterprise)
    for unit in village["units"]:
        BusinessUnit.objects.get_or_create(
            enterprise=enterprise, slug=unit["slug"], defaults={"name": unit["name"]["id"]}
        )
    if enterprise.logo_id is None:
        enterprise.logo = logo(enterprise, village.get("logo_colour", GREENS[2]))
        enterprise.save(update_fields=["logo"])
    return enterprise


def logo(enterprise: Enterprise, colour) -> Image:
    """The BUMDes's demo emblem (its booking reference prefix), drawn once."""
    title = f"Logo {enterprise.name}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = Image(title=title, collection=enterprise.collection or Collection.get_first_root_node())
    image.file = ImageFile(
        BytesIO(emblem(enterprise.ref_prefix, tuple(colour))), name=f"logo-{enterprise.slug}.png"
    )
    image.save()
    return image


def users_load(run: DemoRun, villages: list[dict], set_passwords: bool) -> None:
    User = get_user_model()
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={"is_superuser": True, "is_staff": True, "email": "admin@desawisata.example"},
    )
    if created or set_passwords:
        admin.set_password(run.password)
        admin.save()
    run.summary.logins.append(("admin", "superuser: every village"))
    for village in villages:
        enterprise = Enterprise.objects.get(slug=village["slug"])
        for role in Role:
            username = f"{village['slug']}-{role.value}"
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": village["enterprise"]["village"],
                    "last_name": str(role.label),
                    "email": f"{username}@desawisata.example",
                },
            )
            if created or set_passwords:
                user.set_password(run.password)
                user.save()
            staff_assign(user=user, enterprise=enterprise, roles=[role.value])
            run.summary.logins.append((username, f"{role.value} of {enterprise.name}"))
