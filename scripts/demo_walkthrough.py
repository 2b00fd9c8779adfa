"""
Clicks through the learner's flow on a running sandbox (``make demo``) in headless Chromium.

    .venv/bin/python scripts/demo_walkthrough.py [learner]     # learner: honor (default) or audit

Signs in to the LMS and the shop, adds the demo course's verified seat to the basket (the page
asks the LMS for the learner's discount and reloads with it), pays with the dev processor,
follows the receipt to the LMS dashboard and prints it while the enrollment is pending and
after it is fulfilled. Each learner can upgrade once; ``make clean && make demo`` starts over.
"""
import sys
import time

from playwright.sync_api import sync_playwright

LMS = "http://localhost:18000"
SHOP = "http://localhost:18130"
VERIFIED_SKU = "8CF08E5"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def main(learner):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"{LMS}/login")
        page.fill("input[name=username]", learner)
        page.fill("input[name=password]", "edx")
        page.click("#login-submit")
        page.goto(f"{SHOP}/accounts/login/")
        page.fill("#id_login-username", f"{learner}@example.com")
        page.fill("#id_login-password", "edx")
        page.click("button[name=login_submit]")

        page.goto(f"{SHOP}/basket/add/?sku={VERIFIED_SKU}")
        page.wait_for_load_state("networkidle")
        banner = page.locator("[data-state]")
        discount = banner.first.inner_text() if banner.count() else ""
        print("Basket:", page.locator("#commerce-pay").inner_text(), "|", discount)
        page.click("#commerce-pay")
        page.wait_for_selector("#commerce-receipt")
        print("Receipt:", " ".join(page.locator("#commerce-receipt p").first.inner_text().split()))
        page.click("#go-to-dashboard")
        page.wait_for_load_state("networkidle")
        print("Dashboard at once:", " | ".join(page.locator("#my-courses li").all_inner_texts()))
        time.sleep(5)
        print("Dashboard 5 s later:", " | ".join(page.locator("#my-courses li").all_inner_texts()))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "honor")
