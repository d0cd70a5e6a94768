"""Each village's BUMDes with its business units, and the demo's staff users.

Every BUMDes gets one user per staff role (`<village>-editor`, `-operator`, `-treasurer`,
`-manager`) besides the superuser `admin`. Existing users keep their password unless the command
was given one explicitly.
"""

from django.contrib.auth import get_user_model

from bumdes.models import BusinessUnit, Enterprise, Role
from bumdes.services import enterprise_create, enterprise_setup, staff_assign
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
    return enterprise


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
