/**
 * Serves a govdx {@link io.github.govdx.client.provider.ProviderEndpoint} from any Jakarta Servlet 6 container
 * (Tomcat 10.1+, Jetty 12, Undertow, TongWeb, BES, …), for departments that do not use Spring:
 * {@link io.github.govdx.servlet.ProviderServlet}.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.servlet;

import org.jspecify.annotations.NullMarked;
