package dev.auditweave.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The agent's private class loader: defines the classes kept under {@value #PREFIX} in the agent jar, as
 * {@code .classdata} entries so that no other loader (not the system class loader, which has the jar on its class
 * path, nor the bootstrap loader, which has it appended) finds them. As the agent, its parent is the platform class
 * loader, so it sees the JDK and {@link EmitBridge} (and the other shared classes, appended to the bootstrap class
 * path), and nothing of the application. As a command ({@code java -jar auditweave-agent.jar scan}), its parent is
 * the system class loader, whose class path is the agent jar alone: that is where the shared classes are then.
 *
 * <p>Resources are served from the same prefix; a request for {@code X.class} is answered with
 * {@code inst/X.classdata}, which is how Byte Buddy reads the advice's byte code.
 */
final class AgentClassLoader extends ClassLoader {

    static final String PREFIX = "inst/";
    static final String CLASS_DATA = ".classdata";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final URL jarUrl;
    private final ProtectionDomain protectionDomain;

    AgentClassLoader(JarFile jar, URL jarUrl) {
        this(jar, jarUrl, ClassLoader.getPlatformClassLoader());
    }

    /** @param parent the platform class loader for the agent, the system class loader for a command */
    AgentClassLoader(JarFile jar, URL jarUrl, ClassLoader parent) {
        super("auditweave-agent", parent);
        this.jar = jar;
        this.jarUrl = jarUrl;
        this.protectionDomain = new ProtectionDomain(new CodeSource(jarUrl, (Certificate[]) null), null, this, null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + CLASS_DATA);
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": cannot read " + entry.getName() + " of " + jarUrl, e);
        }
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, protectionDomain);
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            String packageName = className.substring(0, dot);
            if (getDefinedPackage(packageName) == null) {
                try {
                    definePackage(packageName, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException definedConcurrently) {
                    // Another thread defined it first: the same package.
                }
            }
        }
    }

    @Override
    protected URL findResource(String name) {
        String path = PREFIX + (name.endsWith(".class")
                ? name.substring(0, name.length() - ".class".length()) + CLASS_DATA : name);
        if (jar.getJarEntry(path) == null) {
            return null;
        }
        try {
            return new URL("jar:" + jarUrl + "!/" + path);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
    }
}
