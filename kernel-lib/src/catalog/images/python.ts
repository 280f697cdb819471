/**
 * python:3.11 (on buildpack-deps:bookworm) and python:3.11-slim (on debian:bookworm-slim), Python
 * 3.11.6 as docker-library/python builds it (2023-10): ENV PATH and LANG, a -dev package layer,
 * the source build into /usr/local, the `python`/`pip` symlinks, pip via get-pip.py, CMD ["python3"].
 * Sizes (`docker images`, linux/amd64, 2023-10): python:3.11 1.01GB, python:3.11-slim 131MB.
 */
import { bin, data, link, text } from '../catalogFiles';
import { cmdStep, envStep, layerStep, runCreatedBy, type CatalogImageSpec, type CatalogStep } from '../CatalogImageSpec';
import { BOOKWORM_BASE, BOOKWORM_CURL, BOOKWORM_DEV, BOOKWORM_SCM, PYTHON_DEV_DEPS, PYTHON_SLIM_DEPS, dpkgStatus } from './packageDatabases';

const CREATED = '2023-10-12T08:00:00Z';
const PYTHON_PATH = '/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function pythonImage(slim: boolean): CatalogImageSpec {
  const tag = slim ? '3.11-slim' : '3.11';
  const key = (i: number): string => `python:${tag}#${i}`;
  const steps: CatalogStep[] = [
    envStep(CREATED, 'PATH', PYTHON_PATH),
    envStep(CREATED, 'LANG', 'C.UTF-8'),
    layerStep({
      key: key(0),
      createdBy: runCreatedBy(
        slim
          ? 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*'
          : 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/*',
      ),
      created: CREATED,
      fileBytes: slim ? 3_600_000 : 18_800_000,
      ratio: 0.35,
      files: () =>
        slim
          ? [data('/etc/ssl/certs/ca-certificates.crt', 216_843), text('/etc/timezone', 'Etc/UTC\n'), text('/var/lib/dpkg/status', dpkgStatus(BOOKWORM_BASE, PYTHON_SLIM_DEPS))]
          : [data('/usr/include/tk.h', 91_357), text('/var/lib/dpkg/status', dpkgStatus(BOOKWORM_BASE, BOOKWORM_CURL, BOOKWORM_SCM, BOOKWORM_DEV, PYTHON_DEV_DEPS))],
      filler: slim ? ['/usr/share/zoneinfo/posixrules', '/usr/lib/x86_64-linux-gnu/libssl.so.3'] : ['/usr/lib/x86_64-linux-gnu/libtk8.6.so', '/usr/lib/x86_64-linux-gnu/libX11.so.6.4.0'],
    }),
    envStep(CREATED, 'GPG_KEY', 'A035C8C19219BA821ECEA86B64E628F8D684696D'),
    envStep(CREATED, 'PYTHON_VERSION', '3.11.6'),
    layerStep({
      key: key(1),
      createdBy: runCreatedBy(
        'set -eux; \t\twget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \t./configure --enable-loadable-sqlite-extensions --enable-optimizations --enable-option-checking=fatal --enable-shared --with-lto --with-system-expat --without-ensurepip; \tmake -j "$(nproc)"; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \\( \\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) -o \\( -type f -a \\( -name \'*.pyc\' -o -name \'*.pyo\' -o -name \'libpython*.a\' \\) \\) \\) -exec rm -rf \'{}\' +; \t\tldconfig; \t\tpython3 --version',
      ),
      created: CREATED,
      fileBytes: slim ? 40_900_000 : 170_000_000,
      ratio: 0.3,
      files: () => [
        bin('/usr/local/bin/python3.11', 16_048),
        bin('/usr/local/lib/libpython3.11.so.1.0', 22_736_384),
        link('/usr/local/lib/libpython3.11.so', 'libpython3.11.so.1.0'),
        text('/usr/local/lib/python3.11/os.py', '"""OS routines for NT or Posix depending on what system we\'re on."""\n\nimport abc\nimport sys\n'),
      ],
      filler: ['/usr/local/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so', '/usr/local/lib/python3.11/pydoc_data/topics.py', '/usr/local/lib/python3.11/lib2to3/Grammar.txt', '/usr/local/lib/python3.11/tkinter/__init__.py', '/usr/local/include/python3.11/Python.h'],
    }),
    layerStep({
      key: key(2),
      createdBy: runCreatedBy('set -eux; \tfor src in idle3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone'),
      created: CREATED,
      ratio: 1,
      files: () => [link('/usr/local/bin/python3', 'python3.11'), link('/usr/local/bin/python', 'python3'), link('/usr/local/bin/pydoc', 'pydoc3'), link('/usr/local/bin/idle', 'idle3'), link('/usr/local/bin/python-config', 'python3-config')],
    }),
    envStep(CREATED, 'PYTHON_PIP_VERSION', '23.2.1'),
    envStep(CREATED, 'PYTHON_SETUPTOOLS_VERSION', '65.5.1'),
    envStep(CREATED, 'PYTHON_GET_PIP_URL', 'https://github.com/pypa/get-pip/raw/9af82b715db434abb94a0a6f3569f43e72157346/public/get-pip.py'),
    envStep(CREATED, 'PYTHON_GET_PIP_SHA256', '45a2bb8bf2bb5eff16fdd00faef6f29731831c7c59bd9fc2bf1f3bed511ff1fe'),
    layerStep({
      key: key(3),
      createdBy: runCreatedBy('set -eux; \t\twget -O get-pip.py "$PYTHON_GET_PIP_URL"; \techo "$PYTHON_GET_PIP_SHA256 *get-pip.py" | sha256sum -c -; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tpython get-pip.py \t\t--disable-pip-version-check \t\t--no-cache-dir \t\t--no-compile \t\t"pip==$PYTHON_PIP_VERSION" \t\t"setuptools==$PYTHON_SETUPTOOLS_VERSION" \t; \trm -f get-pip.py; \t\tpip --version'),
      created: CREATED,
      fileBytes: slim ? 11_600_000 : 11_900_000,
      ratio: 0.35,
      files: () => [
        text('/usr/local/bin/pip', "#!/usr/local/bin/python\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom pip._internal.cli.main import main\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n", 0o755),
        link('/usr/local/bin/pip3', 'pip'),
      ],
      filler: ['/usr/local/lib/python3.11/site-packages/pip/_vendor/rich/_emoji_codes.py', '/usr/local/lib/python3.11/site-packages/pip/_internal/req/req_install.py', '/usr/local/lib/python3.11/site-packages/setuptools/_vendor/packaging/version.py'],
    }),
    cmdStep(CREATED, ['python3']),
  ];
  return {
    reference: `python:${tag}`,
    aliases: [`python:3.11.6${slim ? '-slim' : ''}`, `python:${tag}-bookworm`],
    parent: slim ? 'debian:bookworm-slim' : 'buildpack-deps:bookworm',
    created: CREATED,
    description: slim ? 'Python 3.11 on debian:bookworm-slim' : 'Python 3.11 on buildpack-deps:bookworm',
    published: slim
      ? { size: 131_000_000, source: 'docker images python:3.11-slim (linux/amd64, 2023-10): 131MB' }
      : { size: 1_010_000_000, source: 'docker images python:3.11 (linux/amd64, 2023-10): 1.01GB' },
    steps,
  };
}

export const python311 = pythonImage(false);
export const python311Slim = pythonImage(true);
