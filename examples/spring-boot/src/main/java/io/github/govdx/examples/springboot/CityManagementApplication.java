package io.github.govdx.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bureau's application. Everything govdx does here comes from {@code application.yml} and two beans: {@link
 * WorkOrderHandler} (provider of the work-order resource) and {@link WorkOrders} (the bureau's own store).
 */
@SpringBootApplication
public class CityManagementApplication {

  /**
   * Starts the application.
   *
   * @param args Spring Boot arguments, e.g. {@code --server.port=8081}
   */
  public static void main(String[] args) {
    SpringApplication.run(CityManagementApplication.class, args);
  }
}
