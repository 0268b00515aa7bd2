/**
 * What an application's class loader provides: the implementations of an extension type listed in its
 * {@code META-INF/services}, found once per class loader ({@link dev.auditweave.agent.internal.loader.LoaderServices}).
 */
package dev.auditweave.agent.internal.loader;
