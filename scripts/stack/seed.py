"""Seeds the local stack like a small real cloud (run by scripts/stack.sh with Debian's python3).

  seed.py identity STACK KEYSTONE_URL            projects, users, roles, the glance service user
  seed.py images STACK KEYSTONE_URL GLANCE_URL FIXTURES_PORT   demo images, app credential, seed.json
  seed.py logins STACK                           prints the demo logins
"""
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.request

PATCH = "application/openstack-images-v2.1-json-patch"


def call(url, method="GET", token=None, body=None, data=None, content_type=None, expect=(200, 201, 204)):
    headers = {"Accept": "application/json"}
    if token:
        headers["X-Auth-Token"] = token
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = content_type or "application/json"
    elif data is not None:
        headers["Content-Type"] = content_type or "application/octet-stream"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read().decode() or "null"
            return json.loads(text) if text.strip().startswith(("{", "[")) else None, response.headers
    except urllib.error.HTTPError as error:
        detail = error.read().decode()[:500]
        if error.code in expect:
            return None, error.headers
        raise SystemExit(f"seed: {method} {url} -> {error.code}: {detail}")


def token(keystone, user, password, project=None, domain_scope=False):
    auth = {"identity": {"methods": ["password"], "password": {
        "user": {"name": user, "domain": {"id": "default"}, "password": password}}}}
    if project:
        auth["scope"] = {"project": {"name": project, "domain": {"id": "default"}}}
    body, headers = call(f"{keystone}/v3/auth/tokens", "POST", body={"auth": auth})
    return headers["X-Subject-Token"], body["token"]


def find_or_create(keystone, admin, kind, name, payload):
    found, _ = call(f"{keystone}/v3/{kind}?name={name}", token=admin)
    if found[kind]:
        return found[kind][0]["id"]
    created, _ = call(f"{keystone}/v3/{kind}", "POST", token=admin, body={kind[:-1]: payload})
    return created[kind[:-1]]["id"]


USERS = {
    # name: (description, [(project, role)])
    "admin": ("cloud administrator", [("admin", "admin")]),
    "alice": ("member of alpha and beta", [("alpha", "member"), ("beta", "member")]),
    "bob": ("member of beta", [("beta", "member")]),
    "rita": ("reader of alpha (read-only)", [("alpha", "reader")]),
    "nina": ("no project at all", []),
}


def seed_identity(stack, keystone):
    admin, _ = token(keystone, "admin", "admin-secret", "admin")
    projects = {name: find_or_create(keystone, admin, "projects", name, {"name": name, "domain_id": "default"})
                for name in ("admin", "alpha", "beta", "service")}
    roles = {name: find_or_create(keystone, admin, "roles", name, {"name": name}) for name in ("admin", "member", "reader", "service")}
    users = {}
    for name in [*USERS, "glance"]:
        users[name] = find_or_create(keystone, admin, "users", name, {
            "name": name, "domain_id": "default", "password": f"{name}-secret", "enabled": True})
    grants = [(user, project, role) for user, (_, assignments) in USERS.items() for project, role in assignments]
    grants += [("glance", "service", "admin"), ("glance", "service", "service")]
    for user, project, role in grants:
        call(f"{keystone}/v3/projects/{projects[project]}/users/{users[user]}/roles/{roles[role]}", "PUT", token=admin)
    with open(os.path.join(stack, "identity.json"), "w") as handle:
        json.dump({"projects": projects, "users": users}, handle)


def data_for(name, size):
    """Deterministic bytes, so a download can be checked against its checksum."""
    block = hashlib.sha256(name.encode()).digest()
    return (block * (size // len(block) + 1))[:size]


def seed_images(stack, keystone, glance, fixtures_port):
    with open(os.path.join(stack, "identity.json")) as handle:
        identity = json.load(handle)
    projects, users = identity["projects"], identity["users"]
    tokens = {
        "admin": token(keystone, "admin", "admin-secret", "admin")[0],
        "alpha": token(keystone, "alice", "alice-secret", "alpha")[0],
        "beta": token(keystone, "bob", "bob-secret", "beta")[0],
    }
    images = {}

    def create(project, name, size=None, **fields):
        body = {"name": name, "disk_format": "raw", "container_format": "bare", **fields}
        image, _ = call(f"{glance}/v2/images", "POST", token=tokens[project], body=body)
        if size:
            call(f"{glance}/v2/images/{image['id']}/file", "PUT", token=tokens[project], data=data_for(name, size))
        images[name] = image["id"]
        return image["id"]

    def patch(project, image_id, ops):
        call(f"{glance}/v2/images/{image_id}", "PATCH", token=tokens[project], body=ops, content_type=PATCH)

    def share(image_id, member_project, status):
        call(f"{glance}/v2/images/{image_id}/members", "POST", token=tokens["alpha"], body={"member": projects[member_project]})
        if status != "pending":
            call(f"{glance}/v2/images/{image_id}/members/{projects[member_project]}", "PUT",
                 token=tokens[member_project], body={"status": status})

    share(create("alpha", "cirros-demo", 64 * 1024, visibility="shared", os_distro="cirros", tags=["demo"]), "beta", "pending")
    create("alpha", "alpha-private", 256 * 1024, visibility="private", tags=["demo", "linux"],
           os_distro="ubuntu", os_version="22.04", hw_disk_bus="virtio", min_disk=1, min_ram=512)
    create("alpha", "alpha-community", 32 * 1024, visibility="community", os_distro="debian")
    create("alpha", "alpha-queued", None, visibility="private")
    deactivated = create("alpha", "alpha-deactivated", 16 * 1024, visibility="private")
    call(f"{glance}/v2/images/{deactivated}/actions/deactivate", "POST", token=tokens["alpha"])
    create("alpha", "alpha-protected", 8 * 1024, visibility="private", protected=True)
    create("alpha", "alpha-hidden", 8 * 1024, visibility="private", os_hidden=True)
    create("alpha", "alpha-snapshot", 128 * 1024, visibility="private", image_type="snapshot",
           instance_uuid="6f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b", min_disk=2)
    share(create("alpha", "shared-accepted", 48 * 1024, visibility="shared", tags=["shared"]), "beta", "accepted")
    create("beta", "beta-image", 24 * 1024, visibility="private")
    create("admin", "public-ubuntu", 1024 * 1024, visibility="public", os_distro="ubuntu", os_version="24.04", tags=["official"])
    create("admin", "public-iso", 96 * 1024, disk_format="iso", visibility="public", tags=["official"])

    # An application credential for alice in alpha, created with her own alpha token.
    credential, _ = call(f"{keystone}/v3/users/{users['alice']}/application_credentials", "POST", token=tokens["alpha"],
                         body={"application_credential": {"name": "loupe-demo", "secret": "loupe-demo-secret",
                                                          "description": "Loupe demo login"}})
    # Files for web-download imports.
    fixtures = os.path.join(stack, "fixtures")
    for name, size in (("small.raw", 64 * 1024), ("medium.raw", 4 * 1024 * 1024)):
        with open(os.path.join(fixtures, name), "wb") as handle:
            handle.write(data_for(name, size))

    seed = {
        "keystone_url": keystone,
        "glance_url": glance,
        "fixtures_url": f"http://127.0.0.1:{fixtures_port}",
        "fixtures": ["small.raw", "medium.raw"],
        "domain": "Default",
        "users": {name: {"name": name, "id": users[name], "password": f"{name}-secret", "description": USERS[name][0]}
                  for name in USERS},
        "projects": {name: projects[name] for name in ("admin", "alpha", "beta")},
        "application_credential": {"id": credential["application_credential"]["id"], "secret": "loupe-demo-secret",
                                   "user": "alice", "project": "alpha"},
        "images": images,
    }
    with open(os.path.join(stack, "seed.json"), "w") as handle:
        json.dump(seed, handle, indent=2)


def print_logins(stack):
    with open(os.path.join(stack, "seed.json")) as handle:
        seed = json.load(handle)
    print("demo logins (domain Default):")
    for name, user in seed["users"].items():
        print(f"  {name:6} {user['password']:14} {user['description']}")
    credential = seed["application_credential"]
    print(f"  application credential (alice, alpha): id {credential['id']}  secret {credential['secret']}")


if __name__ == "__main__":
    command, stack_dir = sys.argv[1], sys.argv[2]
    if command == "identity":
        seed_identity(stack_dir, sys.argv[3])
    elif command == "images":
        started = time.time()
        seed_images(stack_dir, sys.argv[3], sys.argv[4], sys.argv[5])
    elif command == "logins":
        print_logins(stack_dir)
    else:
        raise SystemExit(f"unknown command {command}")
