"""Seeds the local stack like a small real cloud. Run by scripts/stack.sh with Debian's
/usr/bin/python3; only the standard library is used. Every step looks before it creates,
so running a step again is harmless.

  seed.py identity STACK KEYSTONE_URL
      projects, users, role assignments, the glance service user (before Glance starts)
  seed.py images STACK KEYSTONE_URL GLANCE_URL FIXTURES_URL
      fixture files, demo images, alice's application credential, then .stack/seed.json
  seed.py urls STACK KEYSTONE_URL GLANCE_URL FIXTURES_URL
      rewrites the URLs in seed.json (the ports may differ from the seeding run)
  seed.py logins STACK
      prints the demo logins
"""
import hashlib
import json
import os
import struct
import sys
import urllib.error
import urllib.parse
import urllib.request

DOMAIN = "default"
REGION = "RegionOne"

# name: (what the user is for, {project: role}). Passwords are "<name>-secret".
USERS = {
    "admin": ("cloud administrator", {"admin": "admin"}),
    "alice": ("member of two projects", {"alpha": "member", "beta": "member"}),
    "bob": ("member of beta only", {"beta": "member"}),
    "rita": ("read-only in alpha", {"alpha": "reader"}),
    "nina": ("no project at all", {}),
}
SERVICE_USER = ("glance", "glance-secret", {"service": ["admin", "service"]})
APP_CREDENTIAL = {"name": "loupe-demo", "secret": "loupe-demo-secret", "user": "alice", "project": "alpha"}
FIXTURES = {"small.raw": 64 * 1024, "medium.raw": 4 * 1024 * 1024}


class ApiError(Exception):
    def __init__(self, method, url, status, detail):
        super().__init__(f"{method} {url} -> {status}: {detail}")
        self.status = status


def call(url, method="GET", token=None, body=None, data=None, content_type=None, ok=()):
    """One HTTP call; returns (parsed JSON body or None, headers). Statuses in `ok` are
    accepted besides 2xx (their body is ignored)."""
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
            text = response.read().decode()
            return (json.loads(text) if text.strip() else None), response.headers
    except urllib.error.HTTPError as error:
        if error.code in ok:
            return None, error.headers
        raise ApiError(method, url, error.code, error.read().decode(errors="replace")[:400]) from None


def password_token(keystone, user, password, project=None):
    """A token for the user, scoped to the project (by name) if given."""
    auth = {"identity": {"methods": ["password"], "password": {
        "user": {"name": user, "domain": {"id": DOMAIN}, "password": password}}}}
    if project:
        auth["scope"] = {"project": {"name": project, "domain": {"id": DOMAIN}}}
    _, headers = call(f"{keystone}/v3/auth/tokens", "POST", body={"auth": auth})
    return headers["X-Subject-Token"]


def query(params):
    return urllib.parse.urlencode(params)


# ── identity ────────────────────────────────────────────────────────────────────────────

def find_or_create(keystone, admin, kind, name, fields):
    """The id of the named project/user/role, created with `fields` if it does not exist."""
    params = {"name": name}
    if kind != "roles":
        params["domain_id"] = DOMAIN
    found, _ = call(f"{keystone}/v3/{kind}?{query(params)}", token=admin)
    if found[kind]:
        return found[kind][0]["id"]
    created, _ = call(f"{keystone}/v3/{kind}", "POST", token=admin, body={kind[:-1]: {"name": name, **fields}})
    return created[kind[:-1]]["id"]


def seed_identity(stack, keystone, *_urls):
    # keystone-manage bootstrap made the admin user, project and the admin/member/reader roles.
    admin = password_token(keystone, "admin", "admin-secret", "admin")
    in_domain = {"domain_id": DOMAIN}
    projects = {name: find_or_create(keystone, admin, "projects", name, in_domain)
                for name in ("admin", "alpha", "beta", "service")}
    roles = {name: find_or_create(keystone, admin, "roles", name, {})
             for name in ("admin", "member", "reader", "service")}
    glance_name, glance_password, glance_grants = SERVICE_USER
    passwords = {**{name: f"{name}-secret" for name in USERS}, glance_name: glance_password}
    users = {name: find_or_create(keystone, admin, "users", name, {**in_domain, "password": password, "enabled": True})
             for name, password in passwords.items()}

    grants = [(user, project, role) for user, (_, assignments) in USERS.items() for project, role in assignments.items()]
    grants += [(glance_name, project, role) for project, names in glance_grants.items() for role in names]
    for user, project, role in grants:  # PUT is idempotent
        call(f"{keystone}/v3/projects/{projects[project]}/users/{users[user]}/roles/{roles[role]}", "PUT", token=admin)

    write_json(os.path.join(stack, "identity.json"), {"projects": projects, "users": users})


# ── image data ──────────────────────────────────────────────────────────────────────────

def pattern_bytes(name, size):
    """Deterministic bytes for a name, so tests can check a download byte for byte."""
    block = hashlib.sha256(name.encode()).digest() * 32
    return (block * (size // len(block) + 1))[:size]


def empty_qcow2(virtual_size):
    """A valid, empty qcow2 v3 image (what `qemu-img create -f qcow2` makes): header,
    refcount table, refcount block and L1 table, one 64 KiB cluster each. Glance's format
    inspector reads its virtual size from the header."""
    cluster = 1 << 16
    l2_span = (cluster // 8) * cluster  # guest bytes one L1 entry covers
    l1_entries = -(-virtual_size // l2_span)
    header = struct.pack(
        ">4sIQIIQIIQQIIQQQQII",
        b"QFI\xfb", 3,              # magic, version
        0, 0,                       # no backing file
        16, virtual_size,           # cluster_bits, size
        0,                          # no encryption
        l1_entries, 3 * cluster,    # L1 table: entries, offset
        1 * cluster, 1,             # refcount table: offset, clusters
        0, 0,                       # no snapshots
        0, 0, 0,                    # incompatible / compatible / autoclear features
        4, 104,                     # refcount_order (16-bit refcounts), header length
    )
    image = bytearray(4 * cluster)
    image[:len(header)] = header    # followed by a zero end-of-extensions marker
    image[cluster:cluster + 8] = struct.pack(">Q", 2 * cluster)   # refcount table → block
    for index in range(4):                                          # clusters 0-3 in use
        image[2 * cluster + 2 * index:2 * cluster + 2 * index + 2] = struct.pack(">H", 1)
    return bytes(image)


def write_fixtures(stack):
    """Files the fixtures HTTP server offers for web-download imports."""
    folder = os.path.join(stack, "fixtures")
    os.makedirs(folder, exist_ok=True)
    for name, size in FIXTURES.items():
        path = os.path.join(folder, name)
        if not os.path.exists(path) or os.path.getsize(path) != size:
            with open(path, "wb") as handle:
                handle.write(pattern_bytes(name, size))


# ── images ──────────────────────────────────────────────────────────────────────────────

class Glance:
    """Image calls made with one token per project."""

    def __init__(self, url, tokens, projects):
        self.url, self.tokens, self.projects = url, tokens, projects

    def find(self, project, name):
        # Listing hides os_hidden images unless asked, so look both ways.
        for hidden in ("false", "true"):
            params = {"name": name, "owner": self.projects[project], "visibility": "all", "os_hidden": hidden}
            found, _ = call(f"{self.url}/v2/images?{query(params)}", token=self.tokens[project])
            if found["images"]:
                return found["images"][0]
        return None

    def ensure(self, project, name, data=None, **fields):
        """The image, created and uploaded unless that was done already."""
        image = self.find(project, name)
        if image is None:
            body = {"name": name, "disk_format": "raw", "container_format": "bare", **fields}
            image, _ = call(f"{self.url}/v2/images", "POST", token=self.tokens[project], body=body)
        if data is not None and image["status"] == "queued":
            call(f"{self.url}/v2/images/{image['id']}/file", "PUT", token=self.tokens[project], data=data)
            image, _ = call(f"{self.url}/v2/images/{image['id']}", token=self.tokens[project])
        return image

    def share(self, image, project, status):
        """Adds the project as a member (owner's call), then sets its status (member's call)."""
        member = self.projects[project]
        owner = next(name for name, pid in self.projects.items() if pid == image["owner"])
        call(f"{self.url}/v2/images/{image['id']}/members", "POST", token=self.tokens[owner],
             body={"member": member}, ok=(409,))  # 409: already a member
        call(f"{self.url}/v2/images/{image['id']}/members/{member}", "PUT", token=self.tokens[project],
             body={"status": status})

    def deactivate(self, project, image):
        call(f"{self.url}/v2/images/{image['id']}/actions/deactivate", "POST", token=self.tokens[project])
        image, _ = call(f"{self.url}/v2/images/{image['id']}", token=self.tokens[project])
        return image


def seed_demo_images(glance):
    """The demo images, by name. Sizes and formats vary a little on purpose."""
    kib = 1024
    images = {}

    def add(project, name, size=None, data=None, **fields):
        if size is not None:
            data = pattern_bytes(name, size)
        images[name] = (project, glance.ensure(project, name, data, **fields))
        return images[name][1]

    cirros = add("alpha", "cirros-demo", 64 * kib, visibility="shared", os_distro="cirros", tags=["demo"])
    glance.share(cirros, "beta", "pending")
    add("alpha", "alpha-private", 256 * kib, visibility="private", tags=["demo", "linux"],
        os_distro="ubuntu", os_version="22.04", hw_disk_bus="virtio", min_disk=1, min_ram=512)
    add("alpha", "alpha-community", 32 * kib, visibility="community", os_distro="debian")
    add("alpha", "alpha-queued", visibility="private")  # no data: stays queued
    deactivated = add("alpha", "alpha-deactivated", 16 * kib, visibility="private")
    images["alpha-deactivated"] = ("alpha", glance.deactivate("alpha", deactivated))
    add("alpha", "alpha-protected", 8 * kib, visibility="private", protected=True)
    add("alpha", "alpha-hidden", 12 * kib, visibility="private", os_hidden=True)
    # A snapshot is usually qcow2: a real (empty) one, so Glance computes a virtual size of 1 GiB.
    add("alpha", "alpha-snapshot", data=empty_qcow2(1 << 30), disk_format="qcow2", visibility="private",
        image_type="snapshot", instance_uuid="6f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b", min_disk=1)
    accepted = add("alpha", "shared-accepted", 48 * kib, visibility="shared", tags=["shared"])
    glance.share(accepted, "beta", "accepted")
    add("beta", "beta-image", 24 * kib, visibility="private")
    add("admin", "public-ubuntu", 1024 * kib, visibility="public", os_distro="ubuntu", os_version="24.04",
        tags=["official"])
    # Glance has no format inspector for iso, so plain bytes are accepted as one.
    add("admin", "public-iso", 96 * kib, disk_format="iso", visibility="public", tags=["official"])
    return images


def ensure_app_credential(keystone, token, user_id):
    """alice's application credential in alpha, created with her own alpha token."""
    base = f"{keystone}/v3/users/{user_id}/application_credentials"
    found, _ = call(f"{base}?{query({'name': APP_CREDENTIAL['name']})}", token=token)
    if found["application_credentials"]:
        return found["application_credentials"][0]["id"]
    created, _ = call(base, "POST", token=token, body={"application_credential": {
        "name": APP_CREDENTIAL["name"], "secret": APP_CREDENTIAL["secret"], "description": "Loupe demo login"}})
    return created["application_credential"]["id"]


def seed_images(stack, keystone, glance_url, fixtures_url):
    identity = read_json(os.path.join(stack, "identity.json"))
    projects, user_ids = identity["projects"], identity["users"]
    write_fixtures(stack)
    tokens = {
        "admin": password_token(keystone, "admin", "admin-secret", "admin"),
        "alpha": password_token(keystone, "alice", "alice-secret", "alpha"),
        "beta": password_token(keystone, "bob", "bob-secret", "beta"),
    }
    images = seed_demo_images(Glance(glance_url, tokens, projects))
    credential_id = ensure_app_credential(keystone, tokens["alpha"], user_ids["alice"])

    seed = {
        "keystone_url": keystone,
        "glance_url": glance_url,
        "fixtures_url": fixtures_url,
        "fixtures": sorted(FIXTURES),
        "domain": {"id": DOMAIN, "name": "Default"},
        "region": REGION,
        "users": {name: {"name": name, "id": user_ids[name], "password": f"{name}-secret",
                         "description": description, "roles": roles}
                  for name, (description, roles) in USERS.items()},
        "projects": {name: projects[name] for name in ("admin", "alpha", "beta")},
        "application_credential": {"id": credential_id, **APP_CREDENTIAL},
        "images": {name: image["id"] for name, (_, image) in images.items()},
        "image_details": {name: {"project": project, "status": image["status"], "visibility": image["visibility"],
                                 "disk_format": image["disk_format"], "size": image["size"],
                                 "checksum": image["checksum"]}
                          for name, (project, image) in images.items()},
    }
    write_json(os.path.join(stack, "seed.json"), seed)


def update_urls(stack, keystone, glance_url, fixtures_url):
    path = os.path.join(stack, "seed.json")
    seed = read_json(path)
    seed.update(keystone_url=keystone, glance_url=glance_url, fixtures_url=fixtures_url)
    write_json(path, seed)


def print_logins(stack, *_urls):
    seed = read_json(os.path.join(stack, "seed.json"))
    print(f"Demo logins (Keystone {seed['keystone_url']}/v3, domain Default):")
    for name, user in seed["users"].items():
        roles = ", ".join(f"{role} in {project}" for project, role in user.get("roles", {}).items())
        print(f"  {name:<6} {user['password']:<13} {roles or 'no project'}")
    credential = seed["application_credential"]
    print(f"  application credential of {credential['user']} in {credential['project']}:"
          f" id {credential['id']}  secret {credential['secret']}")


def read_json(path):
    with open(path) as handle:
        return json.load(handle)


def write_json(path, value):
    """Written whole or not at all (a reader never sees half a file)."""
    with open(path + ".tmp", "w") as handle:
        json.dump(value, handle, indent=2)
        handle.write("\n")
    os.replace(path + ".tmp", path)


def main(argv):
    commands = {"identity": seed_identity, "images": seed_images, "urls": update_urls, "logins": print_logins}
    if len(argv) < 3 or argv[1] not in commands:
        raise SystemExit(__doc__)
    try:
        commands[argv[1]](*argv[2:])
    except (ApiError, urllib.error.URLError, OSError) as error:
        raise SystemExit(f"seed {argv[1]}: {error}") from None


if __name__ == "__main__":
    main(sys.argv)
